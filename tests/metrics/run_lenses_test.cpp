// The run-level lenses (yield, trend, retest, time loss) on hand-computed
// run tables: every number below is worked out in the comment beside it,
// as docs/metrics.md defines it.
#include <gtest/gtest.h>

#include "core/timestamp.hpp"
#include "metrics/retest.hpp"
#include "metrics/time_loss.hpp"
#include "metrics/yield.hpp"

namespace litmus::metrics {
namespace {

std::int64_t at(const char* iso) { return *parse_timestamp_ns(iso); }

// One run as the store would hold it; table() builds the lenses' input.
struct StoredRun {
  std::string serial;
  const char* start;
  std::string outcome;
  double seconds;
  bool tested = true;
  std::string git_commit = "abc";
  std::string run_id() const { return serial + "@" + start; }
};

StoredRun run(std::string serial, const char* start, std::string outcome, double seconds, bool tested = true) {
  return {std::move(serial), start, std::move(outcome), seconds, tested};
}

RunFactsTable table(const std::vector<StoredRun>& runs) {
  RunFactsTable t;
  for (const StoredRun& r : runs) {
    RunFacts facts;
    facts.started_ts = at(r.start);
    facts.duration_ns = static_cast<std::int64_t>(r.seconds * 1e9);
    facts.outcome = outcome_from_string(r.outcome);
    facts.tested = r.tested;
    const std::string run_id = r.run_id();
    t.add(facts, {.run_id = run_id,
                  .serial = r.serial,
                  .product = "PN-1",
                  .station = "host-a",
                  .fixture = "fx-1",
                  .program = "prog",
                  .git_commit = r.git_commit});
  }
  t.sort_by_start();
  return t;
}

// A failed then passed; B passed; C aborted before any step, then passed;
// D only ever aborted before any step; one run without a serial.
std::vector<StoredRun> line() {
  return {run("A", "2026-11-02T08:00:00Z", "failed", 60), run("B", "2026-11-02T08:01:00Z", "passed", 40),
          run("C", "2026-11-02T08:02:00Z", "aborted", 5, false), run("A", "2026-11-02T08:03:00Z", "passed", 50),
          run("C", "2026-11-02T08:04:00Z", "passed", 45), run("D", "2026-11-02T08:05:00Z", "aborted", 3, false),
          run("", "2026-11-02T08:06:00Z", "passed", 30)};
}

TEST(YieldSummary, SerialsFirstAndLastTestedRunsDecideTheYields) {
  const YieldSummary s = yield_summary(table(line()));
  EXPECT_EQ(s.runs, 7);
  EXPECT_EQ(s.passed, 4);  // A2, B, C2, no serial
  EXPECT_EQ(s.failed, 1);
  EXPECT_EQ(s.aborted, 2);
  EXPECT_DOUBLE_EQ(*s.pass_rate, 4.0 / 7);
  EXPECT_EQ(s.serials, 3);           // A, B, C: D was never tested
  EXPECT_EQ(s.untested_serials, 1);  // D
  EXPECT_EQ(s.runs_without_serial, 1);
  EXPECT_DOUBLE_EQ(*s.first_pass_yield, 2.0 / 3);  // B, and C (its aborted run did not test it)
  EXPECT_DOUBLE_EQ(*s.final_yield, 1.0);           // A passed on its retest
  ASSERT_TRUE(s.duration);
  EXPECT_EQ(s.duration->count, 7);
  EXPECT_DOUBLE_EQ(s.duration->average_s, 233.0 / 7);  // 60+40+5+50+45+3+30
  EXPECT_DOUBLE_EQ(s.duration->min_s, 3);
  EXPECT_DOUBLE_EQ(s.duration->max_s, 60);
  EXPECT_DOUBLE_EQ(s.duration->p95_s, 60);  // rank ceil(0.95 * 7) = 7
}

TEST(YieldSummary, EmptyWindowHasNoYieldRatherThanZero) {
  const YieldSummary s = yield_summary(table({}));
  EXPECT_EQ(s.runs, 0);
  EXPECT_FALSE(s.pass_rate);
  EXPECT_FALSE(s.first_pass_yield);
  EXPECT_FALSE(s.final_yield);
  EXPECT_FALSE(s.duration);
}

TEST(YieldSummary, OneRun) {
  const YieldSummary s = yield_summary(table({run("A", "2026-11-02T08:00:00Z", "failed", 12)}));
  EXPECT_DOUBLE_EQ(*s.first_pass_yield, 0);
  EXPECT_DOUBLE_EQ(*s.final_yield, 0);
  EXPECT_DOUBLE_EQ(s.duration->p95_s, 12);
}

TEST(YieldSummary, P95IsTheNearestRank) {
  std::vector<StoredRun> runs;
  for (int i = 20; i >= 1; --i) runs.push_back(run("S" + std::to_string(i), "2026-11-02T08:00:00Z", "passed", i));
  EXPECT_DOUBLE_EQ(yield_summary(table(runs)).duration->p95_s, 19);  // rank ceil(0.95 * 20) = 19
}

TEST(YieldTrend, RunsFallInTheirUtcDayWeekAndMonth) {
  const std::vector<StoredRun> runs = {
      run("A", "2026-10-31T23:59:59Z", "passed", 1),  // Saturday, October
      run("B", "2026-11-01T00:00:00Z", "failed", 1),  // Sunday: same ISO week, next day, next month
      run("C", "2026-11-02T00:00:00Z", "passed", 1),  // Monday: next week
      run("D", "2026-11-02T13:00:00Z", "errored", 1),
  };
  const auto days = yield_trend(table(runs), Period::day);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].period, "2026-10-31");
  EXPECT_EQ(days[1].period, "2026-11-01");
  EXPECT_EQ(days[2].period, "2026-11-02");
  EXPECT_EQ(days[2].runs, 2);
  EXPECT_DOUBLE_EQ(*days[2].yield, 0.5);
  EXPECT_EQ(days[2].errored, 1);

  const auto weeks = yield_trend(table(runs), Period::week);
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].period, "2026-10-26");  // the Monday
  EXPECT_EQ(weeks[0].runs, 2);
  EXPECT_DOUBLE_EQ(*weeks[0].yield, 0.5);
  EXPECT_EQ(weeks[1].period, "2026-11-02");

  const auto months = yield_trend(table(runs), Period::month);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].period, "2026-10");
  EXPECT_EQ(months[0].runs, 1);
  EXPECT_EQ(months[1].period, "2026-11");
  EXPECT_EQ(months[1].runs, 3);
  EXPECT_EQ(months[1].start_ns, at("2026-11-01T00:00:00Z"));
}

TEST(Retest, RatesByThePeriodOfEachSerialsFirstRun) {
  // Day 1: A (2 tested runs), B (1), C (untested run + 1 tested). Day 2: E (3).
  std::vector<StoredRun> runs = line();
  runs.push_back(run("E", "2026-11-03T08:00:00Z", "failed", 1));
  runs.push_back(run("E", "2026-11-03T09:00:00Z", "failed", 1));
  runs.push_back(run("E", "2026-11-03T10:00:00Z", "passed", 1));
  const RetestReport report = retest_report(table(runs), Period::day, 15);
  ASSERT_EQ(report.periods.size(), 2u);
  EXPECT_EQ(report.periods[0].serials, 3);  // A, B, C (D never tested)
  EXPECT_EQ(report.periods[0].retested, 1);  // A; C's aborted run does not count
  EXPECT_DOUBLE_EQ(*report.periods[0].rate, 1.0 / 3);
  EXPECT_DOUBLE_EQ(*report.periods[0].average_retries, 1.0 / 3);  // (1 + 0 + 0) / 3
  EXPECT_EQ(report.periods[1].serials, 1);
  EXPECT_DOUBLE_EQ(*report.periods[1].average_retries, 2);
}

TEST(Retest, NoFaultFoundIsAFailThenPassWithNothingChanged) {
  std::vector<StoredRun> runs = {
      run("A", "2026-11-02T08:00:00Z", "failed", 1), run("A", "2026-11-02T08:10:00Z", "passed", 1),
      run("F", "2026-11-02T09:00:00Z", "failed", 1), run("F", "2026-11-02T09:10:00Z", "passed", 1),
      run("F", "2026-11-02T09:20:00Z", "failed", 1), run("F", "2026-11-02T09:30:00Z", "passed", 1),
      run("G", "2026-11-02T10:00:00Z", "failed", 1), run("G", "2026-11-02T10:10:00Z", "passed", 1),
  };
  runs[7].git_commit = "new";  // G was retested on another build: a change, not NFF
  const RetestReport report = retest_report(table(runs), Period::day, 15);
  ASSERT_EQ(report.no_fault_found.size(), 2u);
  EXPECT_EQ(report.no_fault_found[0].serial, "F");  // two fail -> pass pairs
  EXPECT_EQ(report.no_fault_found[0].count, 2);
  EXPECT_EQ(report.no_fault_found[0].passed_run_id, runs[5].run_id());
  EXPECT_EQ(report.no_fault_found[1].serial, "A");
  EXPECT_EQ(retest_report(table(runs), Period::day, 1).no_fault_found.size(), 1u);  // --top
}

TEST(TimeLoss, SecondsByOutcomePerPeriod) {
  const auto rows = time_loss(table(line()), Period::day);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(rows[0].passed_s, 165);  // 40 + 50 + 45 + 30
  EXPECT_DOUBLE_EQ(rows[0].failed_s, 60);
  EXPECT_DOUBLE_EQ(rows[0].errored_s, 0);
  EXPECT_DOUBLE_EQ(rows[0].other_s, 8);  // the two aborted runs
  EXPECT_DOUBLE_EQ(rows[0].total_s, 233);
}

TEST(YieldSummary, AnOutcomeThisBuildDoesNotKnowCountsAsOther) {
  const YieldSummary s = yield_summary(table({run("A", "2026-11-02T08:00:00Z", "weird", 1)}));
  EXPECT_EQ(s.runs, 1);
  EXPECT_EQ(s.other, 1);
  EXPECT_DOUBLE_EQ(*s.first_pass_yield, 0);
}

}  // namespace
}  // namespace litmus::metrics
