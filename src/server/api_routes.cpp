#include "server/api_routes.hpp"

#include <limits>

#include "litmus/version.hpp"
#include "server/openapi.hpp"
#include "core/parse_integer.hpp"
#include "server/query_params.hpp"
#include "server/station_catalog.hpp"
#include "store/channel_store.hpp"
#include "store/event_store.hpp"

namespace litmus::server {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxInt64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
constexpr std::size_t kMinIdPrefix = 8;

// A shorter prefix would match nothing in the store and look like "no events".
std::string session_filter(const QueryParams& params) {
  const auto id = params.text("session_id").value_or("");
  if (!id.empty() && id.size() < kMinIdPrefix) {
    throw HttpError(400, "query parameter 'session_id' must be a session id or a prefix of at least 8 characters",
                    {{"parameter", "session_id"}, {"value", id}});
  }
  return id;
}

}  // namespace

Response get_health(const Request& request, ApiContext& api) {
  const QueryParams params(request, {});
  return json_response({{"status", "ok"}, {"version", std::string(version())}, {"data_dir", api.data_dir.string()}});
}

Response list_sessions(const Request& request, ApiContext& api) {
  const QueryParams params(request, {"limit", "offset"});
  const auto limit = params.integer("limit", 1, 1000).value_or(100);
  const auto offset = params.integer("offset", 0, kMaxInt).value_or(0);
  return json_response({{"sessions", api.store.sessions(static_cast<int>(limit), static_cast<int>(offset))},
                        {"total", api.store.session_count()}});
}

json session_json(ApiContext& api, const store::SessionRow& session) {
  json body = session;
  body["instruments"] = api.store.instruments(session.session_id);
  return body;
}

Response get_session(const Request& request, ApiContext& api, std::string_view id) {
  const QueryParams params(request, {});
  const auto session = api.store.session(id);  // AmbiguousId: a 400 from the router
  if (!session) throw HttpError(404, "session not found", {{"session_id", std::string(id)}});
  return json_response(session_json(api, *session));
}

Response list_events(const Request& request, ApiContext& api) {
  const QueryParams params(request, {"session_id", "type", "role", "since", "limit", "after", "order"});
  store::EventQuery query;
  query.session_id = session_filter(params);
  query.type = params.text("type").value_or("");
  query.role = params.text("role").value_or("");
  query.since_ts = params.timestamp("since");
  query.after_id = params.integer("after", 0, kMaxInt64);
  query.limit = static_cast<int>(params.integer("limit", 1, 10000).value_or(100));
  query.newest_first = params.choice("order", {"asc", "desc"}).value_or("asc") == "desc";
  if (query.newest_first && query.after_id) {
    // A cursor pages forward; newest-first paging would need a different one.
    throw HttpError(400, "query parameter 'after' pages oldest first and cannot be combined with order=desc",
                    {{"parameter", "order"}, {"value", "desc"}});
  }
  // Written as text, stored payloads copied in, a whole session's many
  // events read on two threads: 10 000 events in milliseconds, not parsed
  // and dumped again (bench/BENCHMARKS.md §11).
  Response response;
  response.body = "{\"events\":[";
  api.store.append_events_json(query, response.body);
  response.body += "]}";
  return response;
}

Response list_channels(const Request& request, ApiContext& api) {
  const QueryParams params(request, {});
  return json_response({{"channels", api.store.channels()}});
}

Response get_channel(const Request& request, ApiContext& api, std::string_view id) {
  const QueryParams params(request, {"session_id", "since", "until", "last_n", "max_points"});
  store::ChannelQuery query;
  if (const auto session_id = session_filter(params); !session_id.empty()) {
    // The channel store wants a full id; resolve a prefix as everywhere else.
    const auto session = api.store.session(session_id);  // AmbiguousId: a 400 from the router
    if (!session) throw HttpError(404, "session not found", {{"session_id", session_id}});
    query.session_id = session->session_id;
  }
  query.since_ts = params.timestamp("since");
  query.until_ts = params.timestamp("until");
  query.last_n = params.integer("last_n", 1, 1'000'000);
  query.max_points = params.integer("max_points", 3, 100'000);
  if (query.since_ts && query.until_ts && *query.until_ts < *query.since_ts) {
    throw HttpError(400, "query parameter 'until' is before 'since'",
                    {{"since", *query.since_ts}, {"until", *query.until_ts}});
  }
  store::ChannelStore channels(api.store);
  const auto data = channels.query(id, query);
  if (!data) throw HttpError(404, "channel not found", {{"channel_id", std::string(id)}});
  return json_response(*data);
}

Response list_stations(const Request& request, ApiContext& api) {
  const QueryParams params(request, {});
  const auto snapshot = api.stations.snapshot();
  if (!snapshot.stations) {
    // Not the client's fault, and nothing valid to fall back on.
    throw HttpError(500, "the station configuration is invalid",
                    {{"project", api.stations.project_root().string()}, {"message", snapshot.error}});
  }
  return json_response({{"stations", *snapshot.stations}});
}

Response open_stream(const Request& request, ApiContext&) {
  const QueryParams params(request, {"cursor"});
  Response response;
  response.event_stream = true;
  response.stream_after = params.integer("cursor", 0, kMaxInt64);
  // EventSource sends the id of the last event it received when it
  // reconnects by itself; that is newer than the cursor in its URL.
  if (const auto it = request.headers.find("last-event-id"); it != request.headers.end()) {
    const auto id = parse_integer(it->second);
    if (!id || *id < 0) {
      throw HttpError(400, "header Last-Event-ID must be a non-negative integer event id",
                      {{"header", "Last-Event-ID"}, {"value", it->second}});
    }
    response.stream_after = id;
  }
  return response;
}

Response get_openapi(const Request& request, ApiContext&) {
  const QueryParams params(request, {});
  return json_response(openapi_document());
}

}  // namespace litmus::server
