#pragma once
// The handlers of the JSON API under /api (docs/http-api.md). Each takes the
// decoded Request and returns a Response or throws HttpError for input the
// client got wrong; Router maps paths to them and errors to JSON.

#include <filesystem>
#include <string_view>

#include "server/http_types.hpp"

namespace litmus::store {
class EventStore;
struct SessionRow;
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

// Runs (run_routes.cpp). `id` is a full run id or a unique prefix.
Response list_runs(const Request& request, ApiContext& api);
Response get_run(const Request& request, ApiContext& api, std::string_view id);
Response list_run_steps(const Request& request, ApiContext& api, std::string_view id);
Response list_run_measurements(const Request& request, ApiContext& api, std::string_view id);
Response list_active_runs(const Request& request, ApiContext& api);
Response list_dut_runs(const Request& request, ApiContext& api, std::string_view serial);

// Analysis (analysis_routes.cpp): a metrics lens ("summary", "time-loss",
// …; docs/metrics.md) and two runs compared.
Response get_metrics(const Request& request, ApiContext& api, std::string_view lens);
Response get_comparison(const Request& request, ApiContext& api);

// A session as GET /api/sessions/{id} answers it: the row plus its
// instruments (also embedded in GET /api/runs/{id}).
nlohmann::json session_json(ApiContext& api, const store::SessionRow& session);

}  // namespace litmus::server
