// EventStore's run lists, stats and progress over the sample runs
// (sample_runs.hpp), the indexes behind every sort, and the upgrade of a
// schema-3 store to runs with a hostname.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sample_runs.hpp"
#include "store/event_store.hpp"
#include "store/schema.hpp"

namespace litmus::store {
namespace {

using namespace litmus::testing;

std::vector<std::string> ids_of(const std::vector<RunRow>& runs) {
  std::vector<std::string> ids;
  for (const auto& run : runs) ids.push_back(run.run_id);
  return ids;
}

class RunQueriesTest : public ::testing::Test {
 protected:
  RunQueriesTest() : store_(EventStore::open(dir_.path())) { add_sample_runs(*store_); }

  TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

TEST_F(RunQueriesTest, SortNamesRoundTrip) {
  ASSERT_EQ(run_sort_names().size(), 9u);
  for (const auto name : run_sort_names()) EXPECT_EQ(to_string(*run_sort_from_string(name)), name);
  EXPECT_FALSE(run_sort_from_string("duration"));
  EXPECT_EQ(run_outcome_filters().back(), "running");
}

TEST_F(RunQueriesTest, SortsWithTiesByStartThenId) {
  EXPECT_EQ(ids_of(store_->runs({.sort = RunSort::part_number, .descending = false})),
            (std::vector<std::string>{kRunPassed, kRunRetest, kRunLive, kRunFailed, kRunAborted, kRunTie}));
  EXPECT_EQ(ids_of(store_->runs({.sort = RunSort::part_number})),
            (std::vector<std::string>{kRunTie, kRunAborted, kRunFailed, kRunLive, kRunRetest, kRunPassed}));
  // Every run discovered two steps: the tie-breakers alone decide.
  EXPECT_EQ(ids_of(store_->runs({.sort = RunSort::steps, .descending = false})),
            (std::vector<std::string>{kRunPassed, kRunFailed, kRunRetest, kRunTie, kRunAborted, kRunLive}));
  EXPECT_EQ(ids_of(store_->runs({.limit = 2, .offset = 1, .project = "alpha", .sort = RunSort::measurements})),
            (std::vector<std::string>{kRunFailed, kRunLive}));
}

TEST_F(RunQueriesTest, StatsCountTheFilteredRuns) {
  const RunStats all = store_->run_stats({});
  EXPECT_EQ(all.total, 6);
  EXPECT_EQ(all.passed, 2);
  EXPECT_EQ(all.running, 1);
  EXPECT_DOUBLE_EQ(*all.pass_rate, 2.0 / 5.0);
  EXPECT_EQ(all.latest_started_ts, 500'000'000'000);
  const RunStats beta = store_->run_stats({.limit = 1, .project = "beta"});  // paging ignored
  EXPECT_EQ(beta.total, 2);
  EXPECT_EQ(beta.errored, 1);
  EXPECT_DOUBLE_EQ(*beta.pass_rate, 0.5);
  EXPECT_EQ(beta.latest_started_ts, 300'000'000'000);
  EXPECT_EQ(store_->run_stats({.phase = "development"}).failed, 1);
  EXPECT_FALSE(store_->run_stats({.outcome = "running"}).pass_rate);
}

TEST_F(RunQueriesTest, HostnameComesFromTheSessionElseTheEnvironment) {
  EXPECT_EQ(store_->run(kRunPassed)->hostname, "host-a");
  EXPECT_EQ(store_->run(kRunTie)->hostname, "host-c");  // its session names none
}

TEST_F(RunQueriesTest, ActiveRunsWithProgressUntilTheyEnd) {
  const auto active = store_->active_runs();
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0].run.run_id, kRunLive);
  EXPECT_EQ(active[0].steps_total, 3);
  EXPECT_EQ(active[0].steps_finished, 1);
  EXPECT_EQ(active[0].current_step, "Power/Rail");
  const StepStats live = store_->step_stats(kRunLive);
  EXPECT_EQ(live.total, 3);
  EXPECT_EQ(live.running, 1);
  EXPECT_EQ(live.pending, 1);

  end_live_run(*store_);
  EXPECT_TRUE(store_->active_runs().empty());
  const StepStats ended = store_->step_stats(kRunLive);
  EXPECT_EQ(ended.passed, 2);
  EXPECT_EQ(ended.never_ran, 1);
  EXPECT_EQ(ended.running, 0);
}

TEST_F(RunQueriesTest, RetriedVectorsCountByTheirLastAttempt) {
  const StepStats stats = store_->step_stats(kRunPassed);
  EXPECT_EQ(stats.total, 3);
  EXPECT_EQ(stats.attempts, 4);
  EXPECT_EQ(stats.passed, 2);
  EXPECT_EQ(stats.failed, 0);  // failed once, passed on retry
  EXPECT_EQ(stats.never_ran, 1);
  const MeasurementStats measurements = store_->measurement_stats(kRunPassed);
  EXPECT_EQ(measurements.total, 3);
  EXPECT_EQ(measurements.done, 1);
  EXPECT_DOUBLE_EQ(*measurements.pass_rate, 0.5);
  EXPECT_EQ(store_->measurement_stats("ffffffff-0000-4000-8000-000000000000").total, 0);
}

// append_json writes what to_json builds, NULLs, escapes and bad UTF-8 too.
TEST_F(RunQueriesTest, MeasurementTextIsTheJsonOfTheRow) {
  auto rows = store_->measurements(kRunPassed);
  rows.push_back(MeasurementRow{.session_id = "s\"1\n", .seq = 7, .name = "caf\xc3\xa9 \xff"});
  for (const auto& row : rows) {
    std::string text;
    append_json(text, row);
    // As the API sent it before: dump() replacing invalid UTF-8.
    const auto dumped = nlohmann::json(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(nlohmann::json::parse(text), nlohmann::json::parse(dumped)) << text;
  }
  // The read order is the index's: no sort step for a run's page.
  auto plan = store_->db().prepare(
      "EXPLAIN QUERY PLAN SELECT * FROM measurements WHERE run_id = ?1 ORDER BY session_id, seq LIMIT 10 OFFSET 0");
  std::string steps;
  while (plan.step()) steps += plan.column_text(3) + "; ";
  EXPECT_EQ(steps.find("TEMP B-TREE"), std::string::npos) << steps;
}

TEST_F(RunQueriesTest, MeasurementsPage) {
  EXPECT_EQ(store_->measurements(kRunPassed).size(), 3u);
  const auto page = store_->measurements(kRunPassed, 1, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].outcome, "failed");
}

// What makes the first page quick with 100 000 runs: under every sort and
// order SQLite walks an index and stops after a page, never sorting every
// run (a "USE TEMP B-TREE FOR ORDER BY" step). The ORDER BY is the one
// run_queries.cpp builds for each sort.
TEST_F(RunQueriesTest, EverySortWalksAnIndex) {
  const std::vector<std::string> columns{"outcome", "dut_serial", "dut_part_number", "hostname",         "project",
                                         "phase",   "",           "step_count",      "measurement_count"};
  for (const char* direction : {" ASC", " DESC"}) {
    for (const auto& column : columns) {
      const std::string order = (column.empty() ? "" : column + direction + ", ") + "started_ts" + direction +
                                ", run_id" + direction;
      auto plan = store_->db().prepare("EXPLAIN QUERY PLAN SELECT * FROM runs WHERE 1 ORDER BY " + order +
                                       " LIMIT 50");
      std::string steps;
      while (plan.step()) steps += plan.column_text(3) + "; ";
      EXPECT_EQ(steps.find("TEMP B-TREE"), std::string::npos) << order << ": " << steps;
      EXPECT_NE(steps.find("USING INDEX"), std::string::npos) << order << ": " << steps;
    }
  }
  // The runs in flight, and how many there are, come from runs_live.
  auto plan = store_->db().prepare(
      "EXPLAIN QUERY PLAN SELECT * FROM runs WHERE 1 AND ended_ts IS NULL ORDER BY started_ts DESC, run_id DESC");
  ASSERT_TRUE(plan.step());
  EXPECT_NE(plan.column_text(3).find("runs_live"), std::string::npos) << plan.column_text(3);
}

// A schema-3 store had runs without hostname and the older runs_started /
// runs_dut: opening it adds and fills the column and rebuilds the indexes.
TEST(RunQueriesUpgrade, UpgradesASchema3Store) {
  TempDir dir;
  {
    auto store = EventStore::open(dir.path());
    add_sample_runs(*store);
    store->db().exec(
        "DROP INDEX runs_started; DROP INDEX runs_dut; DROP INDEX runs_outcome; DROP INDEX runs_part_number; "
        "DROP INDEX runs_hostname; DROP INDEX runs_project; DROP INDEX runs_phase; DROP INDEX runs_steps; "
        "DROP INDEX runs_measurements; DROP INDEX runs_live; ALTER TABLE runs DROP COLUMN hostname; "
        "CREATE INDEX runs_started ON runs(started_ts); "
        "CREATE INDEX runs_dut ON runs(dut_serial, started_ts) WHERE dut_serial IS NOT NULL; "
        "DROP INDEX measurements_run; "
        "CREATE INDEX measurements_run ON measurements(run_id, seq) WHERE run_id IS NOT NULL; "
        "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);  // through 4 to the current one
  EXPECT_EQ(store->run(kRunPassed)->hostname, "host-a");
  EXPECT_EQ(store->run(kRunTie)->hostname, "host-c");  // from its environment
  auto index = store->db().prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1");
  for (const char* name : {"runs_started", "runs_dut", "runs_outcome", "runs_measurements", "runs_live"}) {
    index.reset();
    index.bind(1, std::string_view(name));
    ASSERT_TRUE(index.step()) << name;
    EXPECT_NE(index.column_text(0).find("run_id"), std::string::npos) << name << ": " << index.column_text(0);
  }
  index.reset();
  index.bind(1, std::string_view("measurements_run"));
  ASSERT_TRUE(index.step());
  EXPECT_NE(index.column_text(0).find("session_id"), std::string::npos) << index.column_text(0);
  EXPECT_EQ(ids_of(store->runs({.sort = RunSort::hostname, .descending = false})).front(), kRunPassed);
  EXPECT_EQ(store->measurements(kRunPassed).size(), 3u);
}

}  // namespace
}  // namespace litmus::store
