#include "server/http_types.hpp"

namespace litmus::server {

Response json_response(const nlohmann::json& body, int status) {
  Response response;
  response.status = status;
  // Invalid UTF-8 in stored text must not turn a good answer into a 500.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response error_response(int status, const std::string& message, const nlohmann::json& detail) {
  return json_response(nlohmann::json{{"error", message}, {"detail", detail}}, status);
}

}  // namespace litmus::server
