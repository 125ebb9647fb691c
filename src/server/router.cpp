#include "server/router.hpp"

#include <exception>

#include "server/request_target.hpp"
#include "server/static_files.hpp"
#include "store/event_store.hpp"

namespace litmus::server {
namespace {

// "/api/runs/<id>/steps" with prefix "/api/runs/" and suffix "/steps" →
// "<id>"; empty unless what lies between is non-empty and, unless
// `slashes`, one segment. The path is already percent-decoded, so a DUT
// serial sent as "A%2FB" arrives as "A/B": its route takes `slashes`.
std::string_view between(std::string_view path, std::string_view prefix, std::string_view suffix,
                         bool slashes = false) {
  if (path.size() < prefix.size() + suffix.size() || !path.starts_with(prefix) || !path.ends_with(suffix)) return {};
  const std::string_view middle = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return slashes || middle.find('/') == std::string_view::npos ? middle : std::string_view{};
}

// "/api/sessions/<id>" with prefix "/api/sessions/" → "<id>"; empty when the
// path is not that prefix plus exactly one non-empty segment.
std::string_view single_segment_after(std::string_view path, std::string_view prefix) {
  return between(path, prefix, {});
}

}  // namespace

Router::Router(store::EventStore& store, const StationCatalog& stations, std::filesystem::path data_dir)
    : api_{store, stations, std::move(data_dir)} {}

Response Router::handle(std::string method, std::string_view target, std::map<std::string, std::string> headers) {
  try {
    return handle(make_request(std::move(method), target, std::move(headers)));
  } catch (const HttpError& e) {
    return error_response(e.status(), e.what(), e.detail());
  }
}

Response Router::handle(const Request& request) {
  try {
    return route(request);
  } catch (const HttpError& e) {
    return error_response(e.status(), e.what(), e.detail());
  } catch (const store::AmbiguousId& e) {
    return error_response(400, e.what());
  } catch (const std::exception& e) {
    return error_response(500, e.what());
  }
}

Response Router::route(const Request& request) {
  const std::string_view path = request.path;
  if (request.method != "GET") {
    auto response = error_response(405, "method " + request.method + " is not allowed",
                                   {{"method", request.method}, {"allowed", {"GET"}}});
    response.headers.emplace_back("Allow", "GET");
    return response;
  }
  if (path != "/api" && !path.starts_with("/api/")) {
    return serve_static(path, [this] { return api_.store.max_event_id(); });
  }

  if (path == "/api/health") return get_health(request, api_);
  if (path == "/api/sessions") return list_sessions(request, api_);
  if (const auto id = single_segment_after(path, "/api/sessions/"); !id.empty()) {
    return get_session(request, api_, id);
  }
  if (path == "/api/events") return list_events(request, api_);
  if (path == "/api/channels") return list_channels(request, api_);
  if (const auto id = single_segment_after(path, "/api/channels/"); !id.empty()) {
    return get_channel(request, api_, id);
  }
  if (path == "/api/runs") return list_runs(request, api_);
  if (const auto id = between(path, "/api/runs/", "/steps"); !id.empty()) return list_run_steps(request, api_, id);
  if (const auto id = between(path, "/api/runs/", "/measurements"); !id.empty()) {
    return list_run_measurements(request, api_, id);
  }
  if (const auto id = single_segment_after(path, "/api/runs/"); !id.empty()) return get_run(request, api_, id);
  if (path == "/api/active") return list_active_runs(request, api_);
  if (const auto serial = between(path, "/api/duts/", "/runs", /*slashes=*/true); !serial.empty()) {
    return list_dut_runs(request, api_, serial);
  }
  if (const auto lens = single_segment_after(path, "/api/metrics/"); !lens.empty()) {
    return get_metrics(request, api_, lens);
  }
  if (path == "/api/compare") return get_comparison(request, api_);
  if (path == "/api/stations") return list_stations(request, api_);
  if (path == "/api/stream") return open_stream(request, api_);
  if (path == "/api/openapi.json") return get_openapi(request, api_);
  return error_response(404, "no such API route", {{"path", request.path}});
}

}  // namespace litmus::server
