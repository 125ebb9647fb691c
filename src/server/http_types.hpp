#pragma once
// The HTTP layer's view of one exchange, free of any socket or Beast type,
// so routing and handlers can be unit-tested by calling them directly.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace litmus::server {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-decoded, without the query string
  // Percent-decoded query parameters in the order given; a name may repeat
  // (the router rejects that with a 400).
  std::vector<std::pair<std::string, std::string>> query;
  std::map<std::string, std::string> headers;  // names lower-cased
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  // Set by GET /api/stream: the connection becomes a Server-Sent Events
  // stream that first replays every stored event with an id above this.
  // nullopt in a stream response means "only what happens from now on".
  bool event_stream = false;
  std::optional<std::int64_t> stream_after;
};

// A request the client got wrong (or a resource that is not there): turned
// into {"error": message, "detail": detail} with `status`.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, nlohmann::json detail = nullptr)
      : std::runtime_error(message), status_(status), detail_(std::move(detail)) {}
  int status() const { return status_; }
  const nlohmann::json& detail() const { return detail_; }

 private:
  int status_;
  nlohmann::json detail_;
};

Response json_response(const nlohmann::json& body, int status = 200);
Response error_response(int status, const std::string& message, const nlohmann::json& detail = nullptr);

}  // namespace litmus::server
