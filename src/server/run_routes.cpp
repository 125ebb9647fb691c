// The run handlers behind the Results screens and the ACTIVE TESTS block
// (docs/http-api.md, "Runs"): lists sorted and counted in SQL, one run with
// its stats, its steps, its measurements page by page, the runs in flight,
// and one DUT's history.

#include <limits>

#include "core/json_text.hpp"
#include "server/api_routes.hpp"
#include "server/query_params.hpp"
#include "store/event_store.hpp"

namespace litmus::server {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

// The run `id` names (full id or unique prefix; AmbiguousId: a 400 from the
// router), or a 404.
store::RunRow find_run(ApiContext& api, std::string_view id) {
  auto run = api.store.run(id);
  if (!run) throw HttpError(404, "run not found", {{"run_id", std::string(id)}});
  return std::move(*run);
}

struct Page {
  int offset = 0;
  int limit = 0;
};

Page page_of(const QueryParams& params, std::int64_t default_limit, std::int64_t max_limit) {
  return {static_cast<int>(params.integer("offset", 0, kMaxInt).value_or(0)),
          static_cast<int>(params.integer("limit", 1, max_limit).value_or(default_limit))};
}

}  // namespace

Response list_runs(const Request& request, ApiContext& api) {
  const QueryParams params(request,
                           {"sort", "order", "offset", "limit", "station", "dut_serial", "outcome", "project", "phase", "since", "until"});
  store::RunQuery query;
  // choice() admits only names run_sort_from_string knows.
  query.sort = *store::run_sort_from_string(params.choice("sort", store::run_sort_names()).value_or("started"));
  query.descending = params.choice("order", {"asc", "desc"}).value_or("desc") == "desc";
  const Page page = page_of(params, 50, 1000);
  query.offset = page.offset;
  query.limit = page.limit;
  query.station = params.text("station").value_or("");
  query.dut_serial = params.text("dut_serial").value_or("");
  // Empty filters filter nothing, as text() has it; anything else must be known.
  if (params.text("outcome")) query.outcome = *params.choice("outcome", store::run_outcome_filters());
  query.project = params.text("project").value_or("");
  query.phase = params.text("phase").value_or("");
  query.since_ns = params.timestamp("since");
  query.until_ns = params.timestamp("until");
  if (query.since_ns && query.until_ns && *query.since_ns >= *query.until_ns) {
    throw HttpError(400, "query parameter 'since' must be before 'until'", {{"parameter", "since"}});
  }
  const store::RunStats stats = api.store.run_stats(query);
  return json_response({{"runs", api.store.runs(query)},
                        {"total", stats.total},
                        {"offset", query.offset},
                        {"limit", query.limit},
                        {"sort", std::string(store::to_string(query.sort))},
                        {"order", query.descending ? "desc" : "asc"},
                        {"stats", stats}});
}

Response get_run(const Request& request, ApiContext& api, std::string_view id) {
  const QueryParams params(request, {});
  const store::RunRow run = find_run(api, id);
  json body = run;
  const auto session = api.store.session(run.session_id);
  body["session"] = session ? session_json(api, *session) : json(nullptr);
  body["instruments"] = session ? body["session"]["instruments"] : json::array();
  body["step_stats"] = api.store.step_stats(run.run_id);
  body["measurement_stats"] = api.store.measurement_stats(run.run_id);
  return json_response(body);
}

Response list_run_steps(const Request& request, ApiContext& api, std::string_view id) {
  const QueryParams params(request, {});
  const store::RunRow run = find_run(api, id);
  return json_response({{"run_id", run.run_id}, {"steps", api.store.steps(run.run_id)}});
}

Response list_run_measurements(const Request& request, ApiContext& api, std::string_view id) {
  const QueryParams params(request, {"offset", "limit"});
  const Page page = page_of(params, 10'000, 100'000);
  const store::RunRow run = find_run(api, id);
  // Written as text, not built as nlohmann objects: a run's 10 000
  // measurements come back in tens of milliseconds instead of most of a
  // second (bench/BENCHMARKS.md §9).
  std::string rows = "[";
  for (const auto& measurement : api.store.measurements(run.run_id, page.offset, page.limit)) {
    if (rows.size() > 1) rows += ',';
    store::append_json(rows, measurement);
  }
  rows += ']';
  Response response;
  json_text::Object body(response.body);
  body.string("run_id", run.run_id);
  body.raw("measurements", rows);
  body.integer("total", run.measurement_count);  // kept by the projection with every row it inserts
  body.integer("offset", page.offset);
  body.integer("limit", page.limit);
  body.close();
  return response;
}

Response list_active_runs(const Request& request, ApiContext& api) {
  const QueryParams params(request, {});
  json runs = json::array();
  for (const auto& active : api.store.active_runs()) {
    json entry = active;
    entry["dialogs_waiting"] = 0;  // no operator dialogs are recorded yet
    runs.push_back(std::move(entry));
  }
  return json_response({{"runs", std::move(runs)}});
}

Response list_dut_runs(const Request& request, ApiContext& api, std::string_view serial) {
  const QueryParams params(request, {"offset", "limit"});
  const Page page = page_of(params, 50, 1000);
  const store::RunQuery query{.limit = page.limit, .offset = page.offset, .dut_serial = std::string(serial)};
  return json_response({{"serial", std::string(serial)},
                        {"runs", api.store.runs(query)},
                        {"total", api.store.run_count(query)},
                        {"offset", page.offset},
                        {"limit", page.limit}});
}

}  // namespace litmus::server
