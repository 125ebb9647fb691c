#pragma once
// The handlers of the JSON API under /api (docs/http-api.md). Each takes the
// decoded Request and returns a Response or throws HttpError for input the
// client got wrong; Router maps paths to them and errors to JSON.

#include <filesystem>
#include <string_view>

#include "server/http_types.hpp"

namespace litmus::store {
class EventStore;
}

namespace litmus::server {

class StationCatalog;

struct ApiContext {
  store::EventStore& store;
  const StationCatalog& stations;
  std::filesystem::path data_dir;
};

Response get_health(const Request& request, ApiContext& api);
Response list_sessions(const Request& request, ApiContext& api);
Response get_session(const Request& request, ApiContext& api, std::string_view id);
Response list_events(const Request& request, ApiContext& api);
Response list_channels(const Request& request, ApiContext& api);
Response get_channel(const Request& request, ApiContext& api, std::string_view id);
Response list_stations(const Request& request, ApiContext& api);
Response open_stream(const Request& request, ApiContext& api);
Response get_openapi(const Request& request, ApiContext& api);

}  // namespace litmus::server
