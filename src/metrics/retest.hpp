#pragma once
// The Retest lens: how many serials needed more than one run, per period,
// and the serials that failed and then passed with nothing changed in
// between — the likely "no fault found" cases (definitions:
// docs/metrics.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "metrics/run_facts.hpp"

namespace litmus::metrics {

struct RetestPeriod {
  std::string period;  // of each serial's first tested run
  std::int64_t start_ns = 0;
  std::int64_t serials = 0;
  std::int64_t retested = 0;  // serials with more than one tested run
  std::optional<double> rate;             // retested / serials
  std::optional<double> average_retries;  // mean of (runs - 1) over the serials
};

// A serial that failed, then passed on the next run, on the same station
// and fixture with the same program and commit.
struct NoFaultFound {
  std::string serial;
  std::string product;
  std::string station;
  std::int64_t count = 0;  // such fail -> pass pairs
  std::string failed_run_id;  // of the latest pair
  std::string passed_run_id;
  std::int64_t passed_ts = 0;
};

struct RetestReport {
  std::vector<RetestPeriod> periods;  // oldest first
  // Most pairs first, then the most recent; at most `top`.
  std::vector<NoFaultFound> no_fault_found;
};

RetestReport retest_report(const RunFactsTable& table, Period period, int top);

}  // namespace litmus::metrics
