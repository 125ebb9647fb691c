#include "metrics/yield.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "metrics/ratio.hpp"

namespace litmus::metrics {

namespace {

DurationStats duration_stats(std::vector<std::int64_t> durations_ns) {
  std::sort(durations_ns.begin(), durations_ns.end());
  DurationStats stats;
  stats.count = static_cast<std::int64_t>(durations_ns.size());
  double sum = 0;
  for (const auto d : durations_ns) sum += static_cast<double>(d);
  stats.average_s = sum / static_cast<double>(durations_ns.size()) / 1e9;
  stats.min_s = static_cast<double>(durations_ns.front()) / 1e9;
  stats.max_s = static_cast<double>(durations_ns.back()) / 1e9;
  // Nearest rank: with n = 20, the 19th; with n = 1, the one.
  const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(durations_ns.size())));
  stats.p95_s = static_cast<double>(durations_ns[std::max<std::size_t>(rank, 1) - 1]) / 1e9;
  return stats;
}

}  // namespace

YieldSummary yield_summary(const RunFactsTable& table) {
  YieldSummary s;
  // Per serial: its first and its last tested run.
  struct SerialRuns {
    const RunFacts* first = nullptr;
    const RunFacts* last = nullptr;
    bool seen = false;
  };
  std::vector<SerialRuns> serials(table.serial_count());
  std::vector<std::int64_t> durations;
  durations.reserve(table.runs().size());
  for (const auto& run : table.runs()) {
    ++s.runs;
    switch (run.outcome.value_or(Outcome::done)) {
      case Outcome::passed:
        ++s.passed;
        break;
      case Outcome::failed:
        ++s.failed;
        break;
      case Outcome::errored:
        ++s.errored;
        break;
      case Outcome::aborted:
        ++s.aborted;
        break;
      case Outcome::terminated:
        ++s.terminated;
        break;
      case Outcome::skipped:
      case Outcome::done:
        ++s.other;
        break;
    }
    durations.push_back(run.duration_ns);
    if (run.serial == RunFactsTable::kNoSerial) {
      ++s.runs_without_serial;
      continue;
    }
    SerialRuns& serial = serials[run.serial];
    serial.seen = true;
    if (!run.tested) continue;
    if (serial.first == nullptr) serial.first = &run;
    serial.last = &run;
  }
  for (const auto& seen : serials) {
    if (seen.first == nullptr) {
      s.untested_serials += seen.seen;
      continue;
    }
    ++s.serials;
    if (seen.first->outcome == Outcome::passed) ++s.first_pass_passed;
    if (seen.last->outcome == Outcome::passed) ++s.final_passed;
  }
  s.pass_rate = ratio(s.passed, s.runs);
  s.first_pass_yield = ratio(s.first_pass_passed, s.serials);
  s.final_yield = ratio(s.final_passed, s.serials);
  if (!durations.empty()) s.duration = duration_stats(std::move(durations));
  return s;
}

std::vector<TrendPoint> yield_trend(const RunFactsTable& table, Period period) {
  std::map<std::int64_t, TrendPoint> points;
  for (const auto& run : table.runs()) {
    const std::int64_t start = period_start(period, run.started_ts);
    TrendPoint& point = points[start];
    point.start_ns = start;
    ++point.runs;
    point.passed += run.outcome == Outcome::passed;
    point.failed += run.outcome == Outcome::failed;
    point.errored += run.outcome == Outcome::errored;
  }
  std::vector<TrendPoint> trend;
  for (auto& [start, point] : points) {
    point.period = period_label(period, start);
    point.yield = ratio(point.passed, point.runs);
    trend.push_back(std::move(point));
  }
  return trend;
}

}  // namespace litmus::metrics
