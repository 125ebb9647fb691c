#include "metrics/capability.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace litmus::metrics {

namespace {

constexpr double kZ975 = 1.959963984540054;  // two-sided 95 %

// The midpoint of the limits, or the one limit: values sit near it.
constexpr const char* kShiftSql =
    "CASE WHEN m.low IS NOT NULL AND m.high IS NOT NULL THEN (m.low + m.high) / 2 ELSE COALESCE(m.low, m.high) END";

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

CapabilityReport capability(store::Database& db, const MetricsFilter& filter, int min_samples) {
  const RunSelection selection = select_runs(
      filter, std::string("r.run_id AS run_id, ") + kProductKeySql + " AS product, " + kStationKeySql + " AS station");
  // Per (group, run) sums first: a run is a subgroup. Runs outer (CROSS
  // JOIN), as pareto.cpp reads measurements.
  const std::string sql = "WITH fr AS (" + selection.sql +
                          "), pr AS (SELECT fr.product AS product, fr.station AS station, m.step_path AS step_path, "
                          "m.name AS name, COALESCE(m.vector_index, 0) AS vector_index, m.low AS low, m.high AS high, "
                          "MAX(COALESCE(m.units, '')) AS units, COUNT(*) AS n, SUM(m.value - " +
                          kShiftSql + ") AS s1, SUM((m.value - " + kShiftSql + ") * (m.value - " + kShiftSql +
                          ")) AS s2 FROM fr CROSS JOIN measurements m ON m.run_id = fr.run_id WHERE m.value IS NOT NULL AND "
                          "(m.low IS NOT NULL OR m.high IS NOT NULL) AND m.outcome IN ('passed', 'failed') "
                          "GROUP BY 1, 2, 3, 4, 5, 6, 7, m.run_id) "
                          "SELECT product, station, step_path, name, vector_index, low, high, MAX(units), SUM(n), "
                          "COUNT(*), SUM(s1), SUM(s2), SUM(CASE WHEN n > 1 THEN s2 - s1 * s1 / n ELSE 0 END), "
                          "SUM(n - 1) FROM pr GROUP BY 1, 2, 3, 4, 5, 6, 7";
  auto q = db.prepare(sql);
  selection.bind(q);
  CapabilityReport report;
  report.min_samples = min_samples;
  while (q.step()) {
    const auto lsl = column_or_null(q, 5);
    const auto usl = column_or_null(q, 6);
    CapabilitySums sums;
    sums.shift = shift_of(lsl, usl);
    sums.n = q.column_int(8);
    sums.runs = q.column_int(9);
    sums.sum = q.column_double(10);
    sums.sum_squares = q.column_double(11);
    sums.within_ss = q.column_double(12);
    sums.within_df = q.column_int(13);
    CapabilityRow row = capability_of(sums, lsl, usl, min_samples);
    row.product = q.column_text(0);
    row.station = q.column_text(1);
    row.step_path = q.column_text(2);
    row.name = q.column_text(3);
    row.vector_index = q.column_int(4);
    row.units = q.column_text(7);
    report.rows.push_back(std::move(row));
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const CapabilityRow& a, const CapabilityRow& b) {
    if (a.cpk.has_value() != b.cpk.has_value()) return a.cpk.has_value();
    if (a.cpk && *a.cpk != *b.cpk) return *a.cpk < *b.cpk;
    return std::tie(a.product, a.station, a.step_path, a.name, a.vector_index) <
           std::tie(b.product, b.station, b.step_path, b.name, b.vector_index);
  });
  return report;
}

}  // namespace litmus::metrics
