#include "metrics/capability.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <unordered_map>

namespace litmus::metrics {

namespace {

constexpr double kZ975 = 1.959963984540054;  // two-sided 95 %

// The midpoint of the limits, or the one limit: values sit near it, so
// the sums of squares lose no digits to cancellation.
double shift_of(std::optional<double> lsl, std::optional<double> usl) {
  if (lsl && usl) return (*lsl + *usl) / 2;
  return lsl ? *lsl : usl.value_or(0.0);
}

// Cpk-style index: the distance from the mean to the nearer limit in 3σ.
double k_index(double mean, double sigma, std::optional<double> lsl, std::optional<double> usl) {
  double nearest = INFINITY;
  if (usl) nearest = std::min(nearest, *usl - mean);
  if (lsl) nearest = std::min(nearest, mean - *lsl);
  return nearest / (3 * sigma);
}

std::optional<double> column_or_null(const store::Statement& q, int column) { return q.column_optional_double(column); }

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

// One Cpk row's identity: what a measurement is compared with.
struct GroupKey {
  std::string product;
  std::string station;
  std::string step_path;
  std::string name;
  std::int64_t vector_index = 0;
  std::optional<double> low;
  std::optional<double> high;
  bool operator==(const GroupKey&) const = default;
};

struct GroupKeyHash {
  std::size_t operator()(const GroupKey& k) const {
    std::size_t h = std::hash<std::string>()(k.step_path);
    auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<std::string>()(k.name));
    mix(std::hash<std::string>()(k.product));
    mix(std::hash<std::string>()(k.station));
    mix(std::hash<std::int64_t>()(k.vector_index));
    mix(k.low ? std::hash<double>()(*k.low) : 1);
    mix(k.high ? std::hash<double>()(*k.high) : 2);
    return h;
  }
};

// Shifted sums of one subgroup (one run's values of one row).
struct Subgroup {
  std::int64_t n = 0;
  double s1 = 0;
  double s2 = 0;
  std::string units;  // the greatest seen, as MAX(units) would
};

struct Group {
  CapabilitySums sums;
  std::string units;
};

}  // namespace

CapabilityReport capability(store::Database& db, const MetricsFilter& filter, int min_samples) {
  const RunSelection selection = select_runs(
      filter, std::string("r.run_id AS run_id, ") + kProductKeySql + " AS product, " + kStationKeySql + " AS station");
  // The judged values with limits, run by run: the runs are the outer loop
  // (CROSS JOIN), so one run's rows come together and a run is a subgroup
  // without SQLite sorting millions of rows by their group (that sort was
  // a minute on a 5 M-measurement store; bench/BENCHMARKS.md §10).
  const std::string sql = "WITH fr AS (" + selection.sql +
                          ") SELECT fr.run_id, fr.product, fr.station, m.step_path, m.name, "
                          "COALESCE(m.vector_index, 0), m.low, m.high, COALESCE(m.units, ''), m.value "
                          "FROM fr CROSS JOIN measurements m ON m.run_id = fr.run_id WHERE m.value IS NOT NULL AND "
                          "(m.low IS NOT NULL OR m.high IS NOT NULL) AND m.outcome IN ('passed', 'failed')";
  auto q = db.prepare(sql);
  selection.bind(q);
  std::unordered_map<GroupKey, Group, GroupKeyHash> groups;
  std::unordered_map<GroupKey, Subgroup, GroupKeyHash> run_groups;  // the current run's
  std::string run_id;
  auto close_run = [&] {
    for (auto& [key, sub] : run_groups) {
      Group& group = groups[key];
      if (sub.units > group.units) group.units = std::move(sub.units);
      CapabilitySums& sums = group.sums;
      sums.n += sub.n;
      sums.runs += 1;
      sums.sum += sub.s1;
      sums.sum_squares += sub.s2;
      if (sub.n > 1) sums.within_ss += sub.s2 - sub.s1 * sub.s1 / static_cast<double>(sub.n);
      sums.within_df += sub.n - 1;
    }
    run_groups.clear();
  };
  GroupKey key;
  while (q.step()) {
    if (q.column_blob(0) != run_id) {
      close_run();
      run_id = q.column_text(0);
    }
    key.product = q.column_blob(1);
    key.station = q.column_blob(2);
    key.step_path = q.column_blob(3);
    key.name = q.column_blob(4);
    key.vector_index = q.column_int(5);
    key.low = column_or_null(q, 6);
    key.high = column_or_null(q, 7);
    const double x = q.column_double(9) - shift_of(key.low, key.high);
    Subgroup& sub = run_groups[key];
    sub.n += 1;
    sub.s1 += x;
    sub.s2 += x * x;
    if (const auto units = q.column_blob(8); units > sub.units) sub.units = units;
  }
  close_run();
  CapabilityReport report;
  report.min_samples = min_samples;
  for (auto& [k, group] : groups) {
    group.sums.shift = shift_of(k.low, k.high);
    CapabilityRow row = capability_of(group.sums, k.low, k.high, min_samples);
    row.product = k.product;
    row.station = k.station;
    row.step_path = k.step_path;
    row.name = k.name;
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
