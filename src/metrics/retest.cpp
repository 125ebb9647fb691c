#include "metrics/retest.hpp"

#include <algorithm>
#include <map>

#include "metrics/ratio.hpp"

namespace litmus::metrics {

namespace {

bool nothing_changed(const RunFacts& a, const RunFacts& b) {
  return a.station == b.station && a.fixture == b.fixture && a.program == b.program && a.git_commit == b.git_commit &&
         a.product == b.product;
}

}  // namespace

RetestReport retest_report(const RunFactsTable& table, Period period, int top) {
  // Each serial's tested runs, followed in start order (the table's):
  // its first run, its count, its previous run, and its fail -> pass pairs.
  struct SerialRuns {
    const RunFacts* first = nullptr;
    const RunFacts* previous = nullptr;
    std::int64_t runs = 0;
    std::int64_t pairs = 0;
    const RunFacts* failed = nullptr;  // of the latest pair
    const RunFacts* passed = nullptr;
  };
  std::vector<SerialRuns> serials(table.serial_count());
  for (const auto& run : table.runs()) {
    if (run.serial == RunFactsTable::kNoSerial || !run.tested) continue;
    SerialRuns& serial = serials[run.serial];
    if (serial.first == nullptr) serial.first = &run;
    ++serial.runs;
    const RunFacts* previous = serial.previous;
    if (previous != nullptr && previous->outcome == Outcome::failed && run.outcome == Outcome::passed &&
        nothing_changed(*previous, run)) {
      ++serial.pairs;
      serial.failed = previous;
      serial.passed = &run;
    }
    serial.previous = &run;
  }
  struct Totals {
    std::int64_t serials = 0;
    std::int64_t retested = 0;
    std::int64_t retries = 0;
  };
  std::map<std::int64_t, Totals> periods;
  RetestReport report;
  for (std::uint32_t id = 0; id < serials.size(); ++id) {
    const SerialRuns& serial = serials[id];
    if (serial.first == nullptr) continue;
    Totals& totals = periods[period_start(period, serial.first->started_ts)];
    ++totals.serials;
    totals.retested += serial.runs > 1;
    totals.retries += serial.runs - 1;
    if (serial.pairs == 0) continue;
    NoFaultFound nff;
    nff.serial = table.serial(id);
    nff.count = serial.pairs;
    nff.failed_run_id = serial.failed->run_id;
    nff.passed_run_id = serial.passed->run_id;
    nff.passed_ts = serial.passed->started_ts;
    nff.product = table.label(serial.passed->product);
    nff.station = table.label(serial.passed->station);
    report.no_fault_found.push_back(std::move(nff));
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
