#include "metrics/time_loss.hpp"

#include <map>

namespace litmus::metrics {

std::vector<TimeLossPeriod> time_loss(const RunFactsTable& table, Period period) {
  // Summed in integer ns, converted once: exact however many runs.
  struct Sums {
    std::int64_t passed = 0, failed = 0, errored = 0, other = 0;
  };
  std::map<std::int64_t, Sums> periods;
  for (const auto& run : table.runs()) {
    Sums& sums = periods[period_start(period, run.started_ts)];
    if (run.outcome == Outcome::passed) {
      sums.passed += run.duration_ns;
    } else if (run.outcome == Outcome::failed) {
      sums.failed += run.duration_ns;
    } else if (run.outcome == Outcome::errored) {
      sums.errored += run.duration_ns;
    } else {
      sums.other += run.duration_ns;
    }
  }
  std::vector<TimeLossPeriod> rows;
  for (const auto& [start, sums] : periods) {
    TimeLossPeriod row;
    row.period = period_label(period, start);
    row.start_ns = start;
    row.passed_s = static_cast<double>(sums.passed) / 1e9;
    row.failed_s = static_cast<double>(sums.failed) / 1e9;
    row.errored_s = static_cast<double>(sums.errored) / 1e9;
    row.other_s = static_cast<double>(sums.other) / 1e9;
    row.total_s = static_cast<double>(sums.passed + sums.failed + sums.errored + sums.other) / 1e9;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace litmus::metrics
