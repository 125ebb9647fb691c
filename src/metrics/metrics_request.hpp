#pragma once
// One metrics question — which lens, over which runs, with which options —
// as `litmus metrics <lens>` and GET /api/metrics/<lens> both ask it, and
// its answer as JSON (the shape docs/metrics.md and docs/http-api.md
// describe). Both front ends pass their parameters here by the same names,
// so they accept and reject exactly the same things.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "metrics/pareto.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

enum class Lens { summary, trend, pareto, cpk, retest, time_loss, assets };

// "summary", "trend", "pareto", "cpk", "retest", "time-loss" (or
// "time_loss"), "assets"; throws litmus::Error listing them.
Lens parse_lens(std::string_view text);
std::string_view to_string(Lens lens);  // "time-loss" for time_loss

struct MetricsRequest {
  Lens lens = Lens::summary;
  MetricsFilter filter;
  Period period = Period::day;
  GroupBy group_by = GroupBy::product;
  int top = 15;
  int min_samples = 10;
};

// The parameter names parse_metrics_request accepts, for every lens.
std::span<const std::string_view> metrics_parameter_names();

// One filter parameter — phase, product, station, lot (repeatable, and
// comma-separated lists), since, until (ISO-8601 or integer ns) — into
// `filter`; false for any other name. check_filter() then rejects what
// only the whole filter shows wrong: '*' mixed with phase names, since
// not before until. Both throw litmus::Error naming the parameter.
bool parse_filter_parameter(MetricsFilter& filter, const std::string& name, const std::string& value);
void check_filter(const MetricsFilter& filter);

// A value, or null when it is undefined (a share of nothing, say).
template <class T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// The filter as applied, echoed under "filter" of every answer.
nlohmann::json filter_json(const MetricsFilter& filter);

// From (name, value) pairs: phase, product, station, lot (repeatable, and
// comma-separated lists), since, until (ISO-8601 or integer ns), period,
// group_by, top, min_samples. Throws litmus::Error naming the parameter
// and what it expects; an unknown name is an error too.
MetricsRequest parse_metrics_request(Lens lens, const std::vector<std::pair<std::string, std::string>>& parameters);

// The answer, with the request's filter echoed under "filter". `now_ns`
// ends open instrument connections (Assets) when the window has no until.
nlohmann::json run_metrics(store::Database& db, const MetricsRequest& request, std::int64_t now_ns);

// What the filters can name: the phases, products, stations and lots of
// every finished run, whatever its phase, each sorted —
// {"phases": [...], "products": [...], "stations": [...], "lots": [...]}.
nlohmann::json metrics_facets(store::Database& db);

}  // namespace litmus::metrics
