#include "metrics/retest.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "metrics/ratio.hpp"

namespace litmus::metrics {

namespace {

bool nothing_changed(const RunFacts& a, const RunFacts& b) {
  return a.station == b.station && a.fixture == b.fixture && a.program == b.program && a.git_commit == b.git_commit &&
         a.product == b.product;
}

}  // namespace

RetestReport retest_report(const std::vector<RunFacts>& runs, Period period, int top) {
  // Tested runs of each serial, oldest first (`runs` is in start order).
  // Hashed (the order is set by the sort below).
  std::unordered_map<std::string, std::vector<const RunFacts*>> by_serial;
  by_serial.reserve(runs.size());
  for (const auto& run : runs) {
    if (!run.serial.empty() && run.tested) by_serial[run.serial].push_back(&run);
  }
  struct Totals {
    std::int64_t serials = 0;
    std::int64_t retested = 0;
    std::int64_t retries = 0;
  };
  std::map<std::int64_t, Totals> periods;
  RetestReport report;
  for (const auto& [serial, serial_runs] : by_serial) {
    Totals& totals = periods[period_start(period, serial_runs.front()->started_ts)];
    ++totals.serials;
    totals.retested += serial_runs.size() > 1;
    totals.retries += static_cast<std::int64_t>(serial_runs.size()) - 1;

    NoFaultFound nff;
    for (std::size_t i = 1; i < serial_runs.size(); ++i) {
      const RunFacts& failed = *serial_runs[i - 1];
      const RunFacts& passed = *serial_runs[i];
      if (failed.outcome != "failed" || passed.outcome != "passed" || !nothing_changed(failed, passed)) continue;
      ++nff.count;
      nff.failed_run_id = failed.run_id;
      nff.passed_run_id = passed.run_id;
      nff.passed_ts = passed.started_ts;
      nff.product = passed.product;
      nff.station = passed.station;
    }
    if (nff.count > 0) {
      nff.serial = serial;
      report.no_fault_found.push_back(std::move(nff));
    }
  }
  for (const auto& [start, totals] : periods) {
    RetestPeriod row;
    row.period = period_label(period, start);
    row.start_ns = start;
    row.serials = totals.serials;
    row.retested = totals.retested;
    row.rate = ratio(totals.retested, totals.serials);
    if (totals.serials > 0) row.average_retries = static_cast<double>(totals.retries) / static_cast<double>(totals.serials);
    report.periods.push_back(std::move(row));
  }
  auto& nffs = report.no_fault_found;
  std::sort(nffs.begin(), nffs.end(), [](const NoFaultFound& a, const NoFaultFound& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.passed_ts != b.passed_ts) return a.passed_ts > b.passed_ts;
    return a.serial < b.serial;
  });
  if (nffs.size() > static_cast<std::size_t>(top)) nffs.resize(static_cast<std::size_t>(top));
  return report;
}

}  // namespace litmus::metrics
