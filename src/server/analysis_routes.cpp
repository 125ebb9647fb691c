// The analysis routes: GET /api/metrics/<lens>, the Metrics page's lenses
// (docs/metrics.md), with /api/metrics/histogram (the values behind a Cpk
// row) and /api/metrics/facets (what the filters can name), and
// GET /api/compare, two runs side by side.
//
// The metrics parameters are those of `litmus metrics`, checked by the
// same parser, so the page, the API and the CLI accept and reject the same
// things. A filter may repeat (phase=production&phase=validation) or list
// values with commas.

#include <algorithm>
#include <span>

#include "core/clock.hpp"
#include "litmus/error.hpp"
#include "metrics/histogram.hpp"
#include "metrics/metrics_request.hpp"
#include "metrics/run_comparison.hpp"
#include "server/query_params.hpp"
#include "server/api_routes.hpp"
#include "store/event_store.hpp"

namespace litmus::server {

namespace {

// An unknown name is a 400 listing the accepted ones, as QueryParams
// answers; QueryParams itself would refuse the repeats a filter allows.
void check_names(const Request& request, std::span<const std::string_view> allowed) {
  for (const auto& [name, value] : request.query) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    nlohmann::json names = nlohmann::json::array();
    for (const auto each : allowed) names.push_back(std::string(each));
    throw HttpError(400, "unknown query parameter '" + name + "'", {{"parameter", name}, {"allowed", names}});
  }
}

Response get_histogram(const Request& request, ApiContext& api) {
  check_names(request, metrics::histogram_parameter_names());
  metrics::HistogramRequest parsed;
  try {
    parsed = metrics::parse_histogram_request(request.query);
  } catch (const Error& error) {
    throw HttpError(400, error.what());
  }
  return json_response(metrics::histogram_json(parsed, metrics::histogram(api.store.db(), parsed)));
}

Response get_facets(const Request& request, ApiContext& api) {
  const QueryParams none(request, {});
  return json_response(metrics::metrics_facets(api.store.db()));
}

}  // namespace

Response get_metrics(const Request& request, ApiContext& api, std::string_view lens_name) {
  if (lens_name == "histogram") return get_histogram(request, api);
  if (lens_name == "facets") return get_facets(request, api);
  metrics::Lens lens = metrics::Lens::summary;
  try {
    lens = metrics::parse_lens(lens_name);
  } catch (const Error& error) {
    throw HttpError(404, error.what(), {{"metric", std::string(lens_name)}});
  }
  check_names(request, metrics::metrics_parameter_names());
  metrics::MetricsRequest parsed;
  try {
    parsed = metrics::parse_metrics_request(lens, request.query);
  } catch (const Error& error) {
    throw HttpError(400, error.what());
  }
  return json_response(metrics::run_metrics(api.store.db(), parsed, now_ns()));
}

Response get_comparison(const Request& request, ApiContext& api) {
  const QueryParams params(request, {"run_a", "run_b"});
  const auto run_a = params.text("run_a");
  const auto run_b = params.text("run_b");
  if (!run_a || !run_b) throw HttpError(400, "run_a and run_b are both required");
  nlohmann::json comparison = metrics::compare_runs(api.store, *run_a, *run_b);  // AmbiguousId: a 400
  if (comparison.is_null()) {
    const std::string missing = api.store.run(*run_a) ? *run_b : *run_a;
    throw HttpError(404, "run not found", {{"run_id", missing}});
  }
  return json_response(comparison);
}

}  // namespace litmus::server
