#pragma once
// The Cpk lens: process capability of every limited measurement, per
// (product, station, step, measurement, vector) and limit pair, worst
// first (definitions: docs/metrics.md).
//
// Subgroups are runs. σ within is the pooled sample standard deviation of
// the runs that took the measurement more than once; when every run took
// it once there is no within-run spread to pool and σ within is the
// overall σ (Cpk then equals Ppk). σ overall is the sample standard
// deviation (n − 1) of every value. Sums are taken of values shifted by
// the limits' midpoint, so σ keeps its digits when the spread is tiny next
// to the value (3.3 V ± 1 mV).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

// What one group's values sum to, shifted by `shift`.
struct CapabilitySums {
  std::int64_t n = 0;     // values
  std::int64_t runs = 0;  // subgroups
  double shift = 0;
  double sum = 0;          // Σ (x − shift)
  double sum_squares = 0;  // Σ (x − shift)²
  double within_ss = 0;    // Σ over runs of Σ (x − run mean)²
  std::int64_t within_df = 0;  // Σ over runs of (values − 1)
};

struct CapabilityRow {
  std::string product;
  std::string station;
  std::string step_path;
  std::string name;
  std::int64_t vector_index = 0;
  std::string units;
  std::optional<double> lsl;
  std::optional<double> usl;
  std::int64_t n = 0;
  std::int64_t runs = 0;
  double mean = 0;
  std::optional<double> sigma_within;
  std::optional<double> sigma_overall;
  std::optional<double> cp;  // both limits only
  std::optional<double> cpk;
  std::optional<double> pp;
  std::optional<double> ppk;
  std::optional<double> cpk_ci_low;  // 95 %, normal approximation
  std::optional<double> cpk_ci_high;
  // Why the indices are unset: "not enough data (n < 10)", "σ = 0"; empty
  // when they are set.
  std::string undefined_reason;
};

// The indices of one group from its sums. Below `min_samples` values every
// index stays unset: a Cpk of 3 values is noise that looks like a number.
CapabilityRow capability_of(const CapabilitySums& sums, std::optional<double> lsl, std::optional<double> usl,
                            int min_samples);

struct CapabilityReport {
  int min_samples = 10;
  // Lowest Cpk first; then the rows whose Cpk is undefined.
  std::vector<CapabilityRow> rows;
};

// Judged measurements (passed or failed, with a value and a limit) of the
// filtered runs; every attempt counts.
CapabilityReport capability(store::Database& db, const MetricsFilter& filter, int min_samples);

}  // namespace litmus::metrics
