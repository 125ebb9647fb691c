#pragma once
// Maps a request to its handler and every failure to a JSON error: the
// client's mistakes become 4xx with {"error", "detail"}, anything else a 500
// carrying the exception's message. handle() never throws.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "server/api_routes.hpp"
#include "server/http_types.hpp"

namespace litmus::server {

class Router {
 public:
  Router(store::EventStore& store, const StationCatalog& stations, std::filesystem::path data_dir);

  Response handle(const Request& request);
  // Decodes a raw request target first (malformed encoding is a 400 too).
  Response handle(std::string method, std::string_view target, std::map<std::string, std::string> headers = {});

 private:
  Response route(const Request& request);

  ApiContext api_;
};

}  // namespace litmus::server
