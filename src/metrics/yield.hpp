#pragma once
// The Yield lens: first pass and final yield by serial, run counts by
// outcome, run time statistics, and the yield trend per period
// (definitions: docs/metrics.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "metrics/run_facts.hpp"

namespace litmus::metrics {

struct DurationStats {
  std::int64_t count = 0;
  double average_s = 0;
  double min_s = 0;
  double max_s = 0;
  double p95_s = 0;  // nearest rank: the ceil(0.95 n)-th shortest
};

struct YieldSummary {
  std::int64_t runs = 0;
  std::int64_t passed = 0;
  std::int64_t failed = 0;  // "Total Failures"
  std::int64_t errored = 0;
  std::int64_t aborted = 0;
  std::int64_t terminated = 0;
  std::int64_t other = 0;  // done, skipped: ran, but gave no verdict
  std::optional<double> pass_rate;  // passed / runs

  std::int64_t serials = 0;  // serials with at least one tested run
  std::int64_t first_pass_passed = 0;
  std::int64_t final_passed = 0;
  std::optional<double> first_pass_yield;  // first_pass_passed / serials
  std::optional<double> final_yield;       // final_passed / serials
  // Serials whose every run was aborted before a step started: not tested,
  // so in neither yield.
  std::int64_t untested_serials = 0;
  std::int64_t runs_without_serial = 0;  // in the run counts, in no yield

  std::optional<DurationStats> duration;  // over every run
};

// Over `table`'s runs, oldest first as load_run_facts leaves them.
YieldSummary yield_summary(const RunFactsTable& table);

struct TrendPoint {
  std::string period;  // label: "2026-11-23", "2026-11"
  std::int64_t start_ns = 0;
  std::int64_t runs = 0;
  std::int64_t passed = 0;
  std::int64_t failed = 0;
  std::int64_t errored = 0;
  std::optional<double> yield;  // passed / runs
};

// One point per period holding a run start, oldest first.
std::vector<TrendPoint> yield_trend(const RunFactsTable& table, Period period);

}  // namespace litmus::metrics
