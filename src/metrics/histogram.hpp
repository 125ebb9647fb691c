#pragma once
// The values behind one row of the Cpk lens, binned: what the Metrics
// page draws when a Cpk row is opened, with the row's limits and mean.
//
// A Cpk row is one (product, station, step, measurement, vector) and limit
// pair; the histogram names all of them and takes exactly the rows
// capability() pools for it — judged measurements (passed or failed, with
// a value) of the filtered runs, every attempt — so the bars are the
// population the Cpk was computed from.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

struct HistogramRequest {
  // Phase, lot and window as every lens filters them; products and
  // stations hold the row's one product key and one station key.
  MetricsFilter filter;
  std::string step_path;
  std::string name;
  std::int64_t vector_index = 0;
  // The row's limits; an unset one is a limit the row does not have.
  std::optional<double> lsl;
  std::optional<double> usl;
  int bins = 20;
};

// The parameter names parse_histogram_request accepts.
std::span<const std::string_view> histogram_parameter_names();

// From (name, value) pairs: product, station, step_path, name (each
// required, once), vector_index, lsl, usl (at least one), bins (1–200,
// default 20), and the filters phase, lot, since, until. Throws
// litmus::Error naming the parameter and what it expects.
HistogramRequest parse_histogram_request(const std::vector<std::pair<std::string, std::string>>& parameters);

struct Histogram {
  std::int64_t n = 0;
  std::string units;
  std::optional<double> mean;  // unset without values
  std::optional<double> min;
  std::optional<double> max;
  // bins + 1 edges from min to max; bin i holds edges[i] <= x < edges[i+1],
  // the last bin also x = max. All values equal: one bin [x, x]. No
  // values: no bins.
  std::vector<double> edges;
  std::vector<std::int64_t> counts;
};

Histogram histogram(store::Database& db, const HistogramRequest& request);

// The answer of GET /api/metrics/histogram (docs/http-api.md).
nlohmann::json histogram_json(const HistogramRequest& request, const Histogram& histogram);

}  // namespace litmus::metrics
