// RunFactsTable (interning, order, merging two tables) and load_run_facts
// over a real store: two readers give exactly what one gives, and the
// product and station keys made in C++ equal the SQL's.
#include "metrics/run_facts.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "line_builder.hpp"
#include "store/metric_rollup.hpp"

namespace litmus::metrics {
namespace {

using testing::LineBuilder;
using testing::RunSpec;

TEST(RunFactsTable, EqualTextsShareAnIdAndTiesSortByRunId) {
  RunFactsTable t;
  RunFacts facts;
  facts.started_ts = 5;
  t.add(facts, {.run_id = "run-b", .serial = "S1", .product = "PN", .station = "PN", .git_commit = "x"});
  t.add(facts, {.run_id = "run-a", .serial = "S2", .product = "PN", .station = "host", .git_commit = "x"});
  facts.started_ts = 1;
  t.add(facts, {.run_id = "run-c", .serial = "S1"});
  t.sort_by_start();
  ASSERT_EQ(t.runs().size(), 3u);
  EXPECT_EQ(t.runs()[0].run_id, "run-c");
  EXPECT_EQ(t.runs()[1].run_id, "run-a");  // same start as run-b: by run id
  EXPECT_EQ(t.runs()[2].run_id, "run-b");
  EXPECT_EQ(t.serial_count(), 2u);
  EXPECT_EQ(t.runs()[0].serial, t.runs()[2].serial);
  EXPECT_EQ(t.serial(t.runs()[1].serial), "S2");
  EXPECT_EQ(t.runs()[1].product, t.runs()[2].product);
  EXPECT_EQ(t.runs()[2].product, t.runs()[2].station);  // one pool: "PN" is one id
  EXPECT_NE(t.runs()[1].station, t.runs()[2].station);
  EXPECT_EQ(t.label(t.runs()[1].station), "host");
  EXPECT_EQ(t.label(t.runs()[0].product), "");
}

TEST(RunFactsTable, ViewsSurviveGrowthAndMoves) {
  RunFactsTable t;
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back("run-" + std::to_string(i) + std::string(40, 'x'));
  for (const auto& id : ids) t.add({}, {.run_id = id, .serial = id});
  const RunFactsTable moved = std::move(t);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    ASSERT_EQ(moved.runs()[i].run_id, ids[i]);
    ASSERT_EQ(moved.serial(moved.runs()[i].serial), ids[i]);
  }
}

TEST(RunFactsTable, AppendInternsTheOtherTablesTextsAndKeepsItsViews) {
  RunFactsTable first;
  RunFacts facts;
  facts.started_ts = 2;
  first.add(facts, {.run_id = "run-1", .serial = "S1", .product = "PN", .station = "host-a"});
  RunFactsTable later;
  facts.started_ts = 1;
  later.add(facts, {.run_id = "run-2", .serial = "S2", .product = "host-a", .fixture = "fx"});
  later.add(facts, {.run_id = "run-3", .serial = "S1", .product = "PN"});
  later.add(facts, {.run_id = "run-4"});
  {
    RunFactsTable moved = std::move(later);
    first.append(std::move(moved));
  }  // the appended table is gone; its texts live on in `first`
  first.sort_by_start();
  ASSERT_EQ(first.runs().size(), 4u);
  const auto& runs = first.runs();
  EXPECT_EQ(runs[0].run_id, "run-2");
  EXPECT_EQ(runs[1].run_id, "run-3");
  EXPECT_EQ(runs[2].run_id, "run-4");
  EXPECT_EQ(runs[3].run_id, "run-1");
  EXPECT_EQ(first.serial_count(), 2u);
  EXPECT_EQ(runs[1].serial, runs[3].serial);  // S1 in both tables: one id
  EXPECT_EQ(first.serial(runs[0].serial), "S2");
  EXPECT_EQ(runs[2].serial, RunFactsTable::kNoSerial);
  EXPECT_EQ(runs[1].product, runs[3].product);  // PN
  EXPECT_EQ(runs[0].product, runs[3].station);  // host-a, one pool
  EXPECT_EQ(first.label(runs[0].fixture), "fx");
  EXPECT_EQ(first.label(runs[2].product), "");
}

// What a lens sees of a run, texts spelled out.
using RunRow = std::tuple<std::int64_t, std::int64_t, std::string, std::string, std::string, std::string, std::string,
                          std::string, std::string, int, bool>;

std::vector<RunRow> rows(const RunFactsTable& table) {
  std::vector<RunRow> out;
  for (const RunFacts& run : table.runs()) {
    out.emplace_back(run.started_ts, run.duration_ns, std::string(run.run_id),
                     run.serial == RunFactsTable::kNoSerial ? "<none>" : std::string(table.serial(run.serial)),
                     std::string(table.label(run.product)), std::string(table.label(run.station)),
                     std::string(table.label(run.fixture)), std::string(table.label(run.program)),
                     std::string(table.label(run.git_commit)), run.outcome ? static_cast<int>(*run.outcome) : -1,
                     run.tested);
  }
  return out;
}

class LoadRunFacts : public ::testing::Test {
 protected:
  void SetUp() override {
    // Serials retested across the two halves of the table, runs starting
    // in the same second, keys that fall back (no part number: the
    // product; no hostname: the station id), a run aborted before any
    // step, a development run and one still running.
    const char* outcomes[] = {"passed", "failed", "errored", "passed", "aborted"};
    for (int i = 0; i < 40; ++i) {
      RunSpec run;
      run.serial = i % 7 == 6 ? "" : "SN-" + std::to_string(i % 13);
      run.start = "2026-11-0" + std::to_string(2 + i % 5) + "T08:00:" + (i % 4 == 0 ? "00" : std::to_string(10 + i)) +
                  "Z";
      run.duration_s = 10 + i;
      run.outcome = outcomes[i % 5];
      run.part_number = i % 3 == 0 ? "" : "PN-" + std::to_string(i % 2);
      run.hostname = i % 5 == 1 ? "" : "host-" + std::to_string(i % 3);
      run.phase = i == 11 ? "development" : "production";
      run.fixture = "fx-" + std::to_string(i % 2);
      run.git_commit = i < 20 ? "c1" : "c2";
      run.in_flight = i == 17;
      if (run.outcome != "aborted" || i % 10 == 4) run.steps = {{.path = "Power/Rail"}};
      line_.add(run);
    }
  }
  LineBuilder line_;
};

TEST_F(LoadRunFacts, TwoReadersGiveWhatOneGives) {
  std::vector<MetricsFilter> filters(3);
  filters[1].since_ns = *parse_timestamp_ns("2026-11-03T00:00:00Z");
  filters[1].until_ns = *parse_timestamp_ns("2026-11-05T00:00:00Z");
  filters[2].phases = {"*"};
  filters[2].products = {"PN-1", "board"};
  for (const RunTexts texts : {RunTexts::none, RunTexts::serial, RunTexts::all}) {
    for (const MetricsFilter& filter : filters) {
      int one_reader = 0;
      int two_readers = 0;
      const auto alone = load_run_facts(line_.store().db(), filter, texts, 1'000'000, &one_reader);
      const auto split = load_run_facts(line_.store().db(), filter, texts, 1, &two_readers);
      EXPECT_EQ(one_reader, 1);
      EXPECT_EQ(two_readers, 2);
      EXPECT_FALSE(alone.runs().empty());
      EXPECT_EQ(rows(split), rows(alone));
    }
  }
}

TEST_F(LoadRunFacts, ProductAndStationKeysAreTheSqlKeys) {
  std::map<std::string, std::pair<std::string, std::string>> sql_keys;  // by run id
  auto q = line_.store().db().prepare(std::string("SELECT r.run_id, ") + store::kRunProductKeySql + ", " +
                                      store::kRunStationKeySql + " FROM runs r");
  while (q.step()) sql_keys[q.column_text(0)] = {q.column_text(1), q.column_text(2)};
  MetricsFilter every_phase;
  every_phase.phases = {"*"};
  const auto table = load_run_facts(line_.store().db(), every_phase, RunTexts::all, 1);
  ASSERT_EQ(table.runs().size(), 39u);  // all but the one still running
  std::set<std::string> products;
  std::set<std::string> stations;
  for (const RunFacts& run : table.runs()) {
    const auto& [product, station] = sql_keys.at(std::string(run.run_id));
    EXPECT_EQ(table.label(run.product), product);
    EXPECT_EQ(table.label(run.station), station);
    products.insert(product);
    stations.insert(station);
  }
  EXPECT_TRUE(products.count("board"));  // the fallbacks were exercised
  EXPECT_TRUE(stations.count("bench"));
}

TEST_F(LoadRunFacts, ALensInsideACallersTransactionReadsAlone) {
  line_.store().db().exec("BEGIN");
  int readers = 0;
  const auto table = load_run_facts(line_.store().db(), MetricsFilter{}, RunTexts::all, 1, &readers);
  line_.store().db().exec("COMMIT");
  EXPECT_EQ(readers, 1);
  EXPECT_EQ(table.runs().size(), 38u);  // less the running and the development run
}

}  // namespace
}  // namespace litmus::metrics
