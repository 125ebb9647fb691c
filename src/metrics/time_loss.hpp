#pragma once
// The Time loss lens: station time per period spent on runs by outcome —
// what failing and erroring runs cost the line (docs/metrics.md).

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "metrics/run_facts.hpp"

namespace litmus::metrics {

struct TimeLossPeriod {
  std::string period;  // of the run start
  std::int64_t start_ns = 0;
  double passed_s = 0;
  double failed_s = 0;
  double errored_s = 0;
  double other_s = 0;  // aborted, terminated, done, skipped
  double total_s = 0;
};

// One row per period holding a run start, oldest first.
std::vector<TimeLossPeriod> time_loss(const RunFactsTable& table, Period period);

}  // namespace litmus::metrics
