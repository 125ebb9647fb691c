// The metrics rollup (store/metric_rollup.hpp) as the store writes it: a
// run enters once when it ends — not again on a replay, a second run.ended
// or recovery after a crash — and the upgrade from schema 4 fills it from
// the raw rows with the same sums the writer keeps.
#include "store/metric_rollup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/data_dir.hpp"
#include "litmus/event_log.hpp"
#include "metrics/line_builder.hpp"
#include "metrics/metrics_request.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"
#include "store/run_events.hpp"
#include "store/schema.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

using nlohmann::json;
using testing::RunEvents;

constexpr const char* kSession = "5e55104e-0000-4000-8000-000000000001";
constexpr const char* kRun = "4a110000-0000-4000-8000-000000000001";

json measurement(const std::string& name, double value, const std::string& outcome) {
  return {{"name", name}, {"value", value}, {"units", "V"}, {"outcome", outcome}, {"limit", {{"low", 3.2}, {"high", 3.4}}}};
}

// A run: one step tried twice on vector 0 (failed, then passed), so the
// run is a subgroup of two values.
RunEvents one_run() {
  RunEvents run(kSession, kRun);
  run.add_outside_run("session.started", {{"station", "bench_1"}, {"hostname", "host-a"}})
      .add("run.started", {{"dut_serial", "S1"}, {"dut_part_number", "PN-1"}, {"phase", "production"},
                           {"dut_lot_number", "L1"}})
      .add("test.steps_discovered", {{"steps", {{{"step_path", "Power/Rail"}, {"vectors", 1}}}}})
      .attempt("Power/Rail", 0, 0, "failed", json::object(), {measurement("v_rail", 3.45, "failed")}, true)
      .attempt("Power/Rail", 0, 1, "passed", json::object(), {measurement("v_rail", 3.31, "passed")})
      .add("run.ended", {{"outcome", "passed"}})
      .add_outside_run("session.ended", {{"outcome", "passed"}});
  return run;
}

// The rollup's rows, every column as text, in key order.
std::vector<std::string> rollup_rows(Database& db) {
  std::vector<std::string> rows;
  for (const char* table : {"metric_rollup_steps", "metric_rollup_measurements", "metric_rollup_runs"}) {
    auto q = db.prepare(std::string("SELECT * FROM ") + table);
    const int columns = sqlite3_column_count(q.handle());
    while (q.step()) {
      std::string row = table;
      for (int c = 0; c < columns; ++c) row += "|" + q.column_text(c);
      rows.push_back(row);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::int64_t count(Database& db, const std::string& sql) {
  auto q = db.prepare(sql);
  q.step();
  return q.column_int(0);
}

TEST(MetricRollup, ARunEndingEntersItOnceWithItsSubgroup) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(one_run().entries(), 1);
  Database& db = store->db();
  EXPECT_EQ(count(db, "SELECT count(*) FROM metric_rollup_runs"), 1);
  auto q = db.prepare(
      "SELECT phase, product, station, lot, step_path, name, total, failed, n, runs, sum, sum_squares, within_ss, "
      "within_df, units FROM metric_rollup_measurements");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.column_text(0), "production");
  EXPECT_EQ(q.column_text(1), "PN-1");
  EXPECT_EQ(q.column_text(2), "host-a");
  EXPECT_EQ(q.column_text(3), "L1");
  EXPECT_EQ(q.column_text(4), "Power/Rail");
  EXPECT_EQ(q.column_text(5), "v_rail");
  EXPECT_EQ(q.column_int(6), 2);
  EXPECT_EQ(q.column_int(7), 1);
  EXPECT_EQ(q.column_int(8), 2);
  EXPECT_EQ(q.column_int(9), 1);
  // Shifted by the midpoint 3.3: 0.15 and 0.01.
  EXPECT_NEAR(q.column_double(10), 0.16, 1e-12);
  EXPECT_NEAR(q.column_double(11), 0.15 * 0.15 + 0.01 * 0.01, 1e-12);
  EXPECT_NEAR(q.column_double(12), 2 * 0.07 * 0.07, 1e-12);  // around the run's mean 3.38
  EXPECT_EQ(q.column_int(13), 1);
  EXPECT_EQ(q.column_text(14), "V");
  EXPECT_FALSE(q.step());
  EXPECT_EQ(count(db, "SELECT attempts FROM metric_rollup_steps"), 2);
  EXPECT_EQ(count(db, "SELECT failures FROM metric_rollup_steps"), 1);
}

TEST(MetricRollup, AReplayOrASecondRunEndedDoesNotCountTwice) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  RunEvents run = one_run();
  store->ingest(run.entries(), 1);
  const auto once = rollup_rows(store->db());
  // The journal replayed whole (recovery after a crash before the offset
  // was recorded): every event is already stored and skipped.
  store->ingest(run.entries(), 2);
  EXPECT_EQ(rollup_rows(store->db()), once);
  // A second run.ended for the run (another seq): the day is rebuilt from
  // the raw rows, not added to.
  RunEvents again(kSession, kRun);
  for (std::size_t i = 0; i < run.entries().size(); ++i) again.add_outside_run("filler", json::object());
  again.add("run.ended", {{"outcome", "passed"}});
  std::vector<JournalEntry> second = {again.entries().back()};
  store->ingest(second, 3);
  EXPECT_EQ(rollup_rows(store->db()), once);
  EXPECT_EQ(count(store->db(), "SELECT count(*) FROM metric_rollup_stale"), 0);
}

TEST(MetricRollup, ARunClosedByRecoveryEntersOnceAndRecoveringAgainChangesNothing) {
  litmus::testing::TempDir dir;
  {
    auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
    EventContext run{.run_id = kRun};
    log->emit("session.started", {{"station", "bench_1"}, {"hostname", "host-a"}});
    log->emit("run.started", {{"dut_serial", "S1"}, {"phase", "production"}}, run);
    EventContext rail{.run_id = kRun, .step_path = "Power/Rail", .vector_index = 0};
    log->emit("test.step_started", {{"vector_retry", 0}}, rail);
    log->emit("test.measurement", measurement("v_rail", 3.3, "passed"), rail);
    log->emit("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}}, rail);
    // The process dies: no run.ended, no session.ended.
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(count(store->db(), "SELECT count(*) FROM metric_rollup_runs"), 0);
  recover(dir.path(), *store);  // appends the synthetic run.ended and session.ended, ingests them
  EXPECT_EQ(count(store->db(), "SELECT count(*) FROM metric_rollup_runs"), 1);
  EXPECT_EQ(count(store->db(), "SELECT total FROM metric_rollup_measurements"), 1);
  EXPECT_EQ(count(store->db(), "SELECT attempts FROM metric_rollup_steps"), 1);
  const auto once = rollup_rows(store->db());
  recover(dir.path(), *store);
  EXPECT_EQ(rollup_rows(store->db()), once);
  // And a fresh store filled from the same journal (a replay from zero).
  store.reset();
  std::filesystem::remove(store_path(dir.path()));
  std::filesystem::remove(store_path(dir.path()).string() + "-wal");
  std::filesystem::remove(store_path(dir.path()).string() + "-shm");
  auto fresh = EventStore::open(dir.path());
  recover(dir.path(), *fresh);
  EXPECT_EQ(rollup_rows(fresh->db()), once);
}

TEST(MetricRollup, TheUpgradeFromSchema4BackfillsTheSameRowsAndAnswers) {
  litmus::testing::TempDir dir;
  std::vector<std::string> written;
  std::vector<std::string> answers;
  const auto ask_all = [](Database& db) {
    std::vector<std::string> out;
    for (const char* group_by : {"step", "measurement"}) {
      out.push_back(metrics::run_metrics(db, metrics::parse_metrics_request(metrics::Lens::pareto, {{"group_by", group_by}}), 0)
                        .dump());
    }
    out.push_back(metrics::run_metrics(db, metrics::parse_metrics_request(metrics::Lens::cpk, {{"min_samples", "2"}}), 0)
                      .dump());
    return out;
  };
  {
    metrics::testing::LineBuilder line(dir.path());
    for (int i = 0; i < 12; ++i) {
      const std::string day = "2026-11-0" + std::to_string(1 + i / 4);
      line.add({.serial = "S" + std::to_string(i % 5), .start = day + "T0" + std::to_string(i % 4 + 1) + ":00:00Z",
                .outcome = i % 3 == 0 ? "failed" : "passed", .hostname = i % 2 ? "host-a" : "host-b",
                .steps = {{.path = "Power/Rail", .outcome = i % 3 == 0 ? "failed" : "passed",
                           .measurements = {{"v_rail", 3.3 + 0.01 * (i % 7), 3.2, 3.4, i % 3 == 0 ? "failed" : "passed"},
                                            {"i_max", 0.1 + 0.02 * (i % 5), std::nullopt, 0.5}}}}});
    }
    written = rollup_rows(line.store().db());
    answers = ask_all(line.store().db());
    // Back to what schema 4 was: no rollup tables.
    line.store().db().exec(
        "DROP TABLE metric_rollup_steps; DROP TABLE metric_rollup_measurements; DROP TABLE metric_rollup_runs; "
        "DROP TABLE metric_rollup_stale; UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  }
  ASSERT_FALSE(written.empty());
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
  EXPECT_EQ(rollup_rows(store->db()), written);
  EXPECT_EQ(ask_all(store->db()), answers);
  // Opening again does not fill it twice.
  store.reset();
  auto again = EventStore::open(dir.path());
  EXPECT_EQ(rollup_rows(again->db()), written);
}

}  // namespace
}  // namespace litmus::store
