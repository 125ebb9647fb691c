#include "metrics/capability.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace litmus::metrics {

namespace {

constexpr double kZ975 = 1.959963984540054;  // two-sided 95 %

// Cpk-style index: the distance from the mean to the nearer limit in 3σ.
double k_index(double mean, double sigma, std::optional<double> lsl, std::optional<double> usl) {
  double nearest = INFINITY;
  if (usl) nearest = std::min(nearest, *usl - mean);
  if (lsl) nearest = std::min(nearest, mean - *lsl);
  return nearest / (3 * sigma);
}

}  // namespace

CapabilityRow capability_of(const CapabilitySums& sums, std::optional<double> lsl, std::optional<double> usl,
                            int min_samples) {
  CapabilityRow row;
  row.lsl = lsl;
  row.usl = usl;
  row.n = sums.n;
  row.runs = sums.runs;
  if (sums.n == 0) return row;
  const double n = static_cast<double>(sums.n);
  row.mean = sums.shift + sums.sum / n;
  if (sums.n >= 2) {
    // Shifted sums: the cancellation in Σx² − (Σx)²/n loses no digits
    // worth having. Clamped: rounding may leave -1e-30 for identical values.
    const double ss = std::max(0.0, sums.sum_squares - sums.sum * sums.sum / n);
    row.sigma_overall = std::sqrt(ss / (n - 1));
    row.sigma_within = sums.within_df > 0 ? std::sqrt(std::max(0.0, sums.within_ss) / static_cast<double>(sums.within_df))
                                          : *row.sigma_overall;
  }
  if (sums.n < min_samples) {
    row.undefined_reason = "not enough data (n < " + std::to_string(min_samples) + ")";
    return row;
  }
  if (!(*row.sigma_within > 0) || !(*row.sigma_overall > 0)) {
    row.undefined_reason = "σ = 0";
    return row;
  }
  const double sw = *row.sigma_within;
  const double so = *row.sigma_overall;
  if (lsl && usl) {
    row.cp = (*usl - *lsl) / (6 * sw);
    row.pp = (*usl - *lsl) / (6 * so);
  }
  row.cpk = k_index(row.mean, sw, lsl, usl);
  row.ppk = k_index(row.mean, so, lsl, usl);
  // Bissell's approximation of the standard error of Cpk.
  const double se = std::sqrt(1 / (9 * n) + *row.cpk * *row.cpk / (2 * (n - 1)));
  row.cpk_ci_low = *row.cpk - kZ975 * se;
  row.cpk_ci_high = *row.cpk + kZ975 * se;
  return row;
}

namespace {

// One Cpk row's identity: what a measurement is compared with. The four
// names are interned (a rollup row is read without allocating a string),
// the rest compared as numbers.
struct GroupKey {
  std::size_t names = 0;  // index into Groups::names
  std::int64_t vector_index = 0;
  std::optional<double> low;
  std::optional<double> high;
  bool operator==(const GroupKey&) const = default;
};

struct GroupKeyHash {
  std::size_t operator()(const GroupKey& k) const {
    std::size_t h = std::hash<std::size_t>()(k.names);
    const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<std::int64_t>()(k.vector_index));
    mix(k.low ? std::hash<double>()(*k.low) : 1);
    mix(k.high ? std::hash<double>()(*k.high) : 2);
    return h;
  }
};

struct Names {
  std::string product;
  std::string station;
  std::string step_path;
  std::string name;
};

class Groups {
 public:
  // The sums of the row named so; `buffer` is reused for the lookup.
  store::MeasurementSums& at(std::string_view product, std::string_view station, std::string_view step_path,
                             std::string_view name, std::int64_t vector_index, std::optional<double> low,
                             std::optional<double> high) {
    buffer_.clear();
    for (const std::string_view part : {product, station, step_path, name}) {  // length-prefixed: unambiguous
      const auto size = static_cast<std::uint32_t>(part.size());
      buffer_.append(reinterpret_cast<const char*>(&size), sizeof size);
      buffer_.append(part);
    }
    auto found = ids_.find(buffer_);
    if (found == ids_.end()) {
      found = ids_.emplace(buffer_, names_.size()).first;
      names_.push_back({std::string(product), std::string(station), std::string(step_path), std::string(name)});
    }
    return sums_[GroupKey{found->second, vector_index, low, high}];
  }
  const std::unordered_map<GroupKey, store::MeasurementSums, GroupKeyHash>& sums() const { return sums_; }
  const Names& names(const GroupKey& key) const { return names_[key.names]; }

 private:
  std::string buffer_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::vector<Names> names_;
  std::unordered_map<GroupKey, store::MeasurementSums, GroupKeyHash> sums_;
};

std::optional<double> limit_of(const store::Statement& q, int has, int value) {
  if (q.column_int(has) == 0) return std::nullopt;
  return q.column_double(value);
}

}  // namespace

CapabilityReport capability(store::Database& db, const MetricsFilter& filter, int min_samples) {
  // Whole days of the window from the metrics rollup, whose rows hold the
  // sums with runs as subgroups already; the partial first and last days
  // from the runs' own rows, summed by the rollup writer's own code. Every
  // sum is additive, so the rows combine into the same σ within and overall
  // (to rounding: ~1e-15 relative, the order of the additions differs).
  Groups groups;
  {
    ReadSnapshot snapshot(db);
    const RollupPlan plan = plan_rollup(db, filter);
    if (plan.any_day) {
      const RunSelection selection = select_rollup(
          plan, "metric_rollup_measurements",
          "g.product, g.station, g.step_path, g.name, g.vector_index, g.has_low, g.low, g.has_high, g.high, g.units, "
          "g.n, g.runs, g.sum, g.sum_squares, g.within_ss, g.within_df");
      auto q = db.prepare(selection.sql + " AND g.n > 0");
      selection.bind(q);
      store::MeasurementSums sums;
      while (q.step()) {
        store::MeasurementSums& into = groups.at(q.column_blob(0), q.column_blob(1), q.column_blob(2),
                                                 q.column_blob(3), q.column_int(4), limit_of(q, 5, 6), limit_of(q, 7, 8));
        if (const auto units = q.column_blob(9); units > into.units) into.units = units;
        into.n += q.column_int(10);
        into.runs += q.column_int(11);
        into.sum += q.column_double(12);
        into.sum_squares += q.column_double(13);
        into.within_ss += q.column_double(14);
        into.within_df += q.column_int(15);
      }
    }
    for_each_raw_run(db, plan, [&](const store::RunRollup& run) {
      for (const auto& [m, sums] : run.measurements) {
        if (sums.n == 0) continue;
        groups.at(run.group.product, run.group.station, m.step_path, m.name, m.vector_index, m.low, m.high).add(sums);
      }
    });
  }
  CapabilityReport report;
  report.min_samples = min_samples;
  for (const auto& [k, group] : groups.sums()) {
    const Names& names = groups.names(k);
    CapabilitySums sums;
    sums.n = group.n;
    sums.runs = group.runs;
    sums.shift = store::limit_shift(k.low, k.high);
    sums.sum = group.sum;
    sums.sum_squares = group.sum_squares;
    sums.within_ss = group.within_ss;
    sums.within_df = group.within_df;
    CapabilityRow row = capability_of(sums, k.low, k.high, min_samples);
    row.product = names.product;
    row.station = names.station;
    row.step_path = names.step_path;
    row.name = names.name;
    row.vector_index = k.vector_index;
    row.units = group.units;
    report.rows.push_back(std::move(row));
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const CapabilityRow& a, const CapabilityRow& b) {
    if (a.cpk.has_value() != b.cpk.has_value()) return a.cpk.has_value();
    if (a.cpk && *a.cpk != *b.cpk) return *a.cpk < *b.cpk;
    return std::tie(a.product, a.station, a.step_path, a.name, a.vector_index, a.lsl, a.usl) <
           std::tie(b.product, b.station, b.step_path, b.name, b.vector_index, b.lsl, b.usl);
  });
  return report;
}

}  // namespace litmus::metrics
