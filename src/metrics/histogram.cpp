#include "metrics/histogram.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/parse_integer.hpp"
#include "litmus/error.hpp"
#include "metrics/metrics_request.hpp"
#include "store/metric_rollup.hpp"

namespace litmus::metrics {

namespace {

using nlohmann::json;

constexpr std::string_view kParameterNames[] = {"product", "station", "step_path", "name",  "vector_index", "lsl",
                                                "usl",     "bins",    "phase",     "lot",   "since",        "until"};
constexpr int kMaxBins = 200;

std::optional<double> parse_finite(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A parameter that names the row: given once, not empty.
void set_once(std::optional<std::string>& slot, const std::string& name, const std::string& value) {
  if (slot) throw Error(name + ": given more than once (a histogram is of one Cpk row)");
  if (value.empty()) throw Error(name + ": must not be empty");
  slot = value;
}

}  // namespace

std::span<const std::string_view> histogram_parameter_names() { return kParameterNames; }

HistogramRequest parse_histogram_request(const std::vector<std::pair<std::string, std::string>>& parameters) {
  HistogramRequest request;
  std::optional<std::string> product, station, step_path, name;
  for (const auto& [key, value] : parameters) {
    if (key == "product") {
      set_once(product, key, value);
    } else if (key == "station") {
      set_once(station, key, value);
    } else if (key == "step_path") {
      set_once(step_path, key, value);
    } else if (key == "name") {
      set_once(name, key, value);
    } else if (key == "vector_index") {
      const auto parsed = parse_integer(value);
      if (!parsed || *parsed < 0 || *parsed > 2147483647) {
        throw Error("vector_index '" + value + "': expected a whole number from 0 to 2147483647");
      }
      request.vector_index = *parsed;
    } else if (key == "lsl" || key == "usl") {
      const auto parsed = parse_finite(value);
      if (!parsed) throw Error(key + " '" + value + "': expected a finite number");
      (key == "lsl" ? request.lsl : request.usl) = parsed;
    } else if (key == "bins") {
      const auto parsed = parse_integer(value);
      if (!parsed || *parsed < 1 || *parsed > kMaxBins) {
        throw Error("bins '" + value + "': expected a whole number from 1 to " + std::to_string(kMaxBins));
      }
      request.bins = static_cast<int>(*parsed);
    } else if (!parse_filter_parameter(request.filter, key, value)) {  // phase, lot, since, until
      throw Error("unknown parameter '" + key +
                  "': expected product, station, step_path, name, vector_index, lsl, usl, bins, phase, lot, since or "
                  "until");
    }
  }
  for (const auto& [slot, label] : {std::pair{&product, "product"}, std::pair{&station, "station"},
                                    std::pair{&step_path, "step_path"}, std::pair{&name, "name"}}) {
    if (!*slot) throw Error(std::string(label) + " is required: the Cpk row's " + label);
  }
  if (!request.lsl && !request.usl) throw Error("lsl or usl is required: a Cpk row has at least one limit");
  if (request.lsl && request.usl && *request.lsl > *request.usl) throw Error("lsl must not be above usl");
  check_filter(request.filter);
  request.filter.products = {*product};
  request.filter.stations = {*station};
  request.step_path = *step_path;
  request.name = *name;
  return request;
}

Histogram histogram(store::Database& db, const HistogramRequest& request) {
  // The judged measurements capability() pools (the rollup's definition),
  // narrowed to one row; `IS ?` matches a bound NULL as "no such limit".
  const RunSelection selection = select_runs(request.filter, "r.run_id AS run_id");
  auto q = db.prepare("WITH fr AS (" + selection.sql +
                      ") SELECT m.value, COALESCE(m.units, '') FROM measurements m JOIN fr ON m.run_id = fr.run_id "
                      "WHERE " + std::string(store::kJudgedMeasurementSql) + " AND m.step_path = ? AND m.name = ? AND "
                      "COALESCE(m.vector_index, 0) = ? AND m.low IS ? AND m.high IS ?");
  int index = selection.bind(q);
  q.bind(index++, request.step_path);
  q.bind(index++, request.name);
  q.bind(index++, request.vector_index);
  for (const auto& limit : {request.lsl, request.usl}) {
    if (limit) {
      q.bind(index++, *limit);
    } else {
      q.bind_null(index++);
    }
  }
  std::vector<double> values;
  Histogram result;
  while (q.step()) {
    values.push_back(q.column_double(0));
    result.units = std::max(result.units, q.column_text(1));  // as capability's MAX(units)
  }
  result.n = static_cast<std::int64_t>(values.size());
  if (values.empty()) return result;

  // Summed around the limits' midpoint, as capability() sums, so the mean
  // line sits where the Cpk row's mean does.
  const double shift = request.lsl && request.usl ? (*request.lsl + *request.usl) / 2
                                                  : request.lsl.value_or(request.usl.value_or(0.0));
  double sum = 0;
  for (const double x : values) sum += x - shift;
  result.mean = shift + sum / static_cast<double>(values.size());
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  result.min = *low;
  result.max = *high;

  const int bins = *low == *high ? 1 : request.bins;
  const double width = (*high - *low) / bins;
  for (int i = 0; i < bins; ++i) result.edges.push_back(*low + width * i);
  result.edges.push_back(*high);
  result.counts.assign(static_cast<std::size_t>(bins), 0);
  for (const double x : values) {
    // By the edges as reported, so a value on an edge lands where a reader
    // of the answer would put it.
    const auto above = std::upper_bound(result.edges.begin(), result.edges.end(), x);
    const auto bin = std::clamp<std::ptrdiff_t>(above - result.edges.begin() - 1, 0, bins - 1);
    ++result.counts[static_cast<std::size_t>(bin)];
  }
  return result;
}

nlohmann::json histogram_json(const HistogramRequest& request, const Histogram& h) {
  return {{"metric", "histogram"},
          {"product", request.filter.products.front()},
          {"station", request.filter.stations.front()},
          {"step_path", request.step_path},
          {"name", request.name},
          {"vector_index", request.vector_index},
          {"units", h.units},
          {"lsl", optional_json(request.lsl)},
          {"usl", optional_json(request.usl)},
          {"n", h.n},
          {"mean", optional_json(h.mean)},
          {"min", optional_json(h.min)},
          {"max", optional_json(h.max)},
          {"edges", h.edges},
          {"counts", h.counts},
          {"filter", filter_json(request.filter)}};
}

}  // namespace litmus::metrics
