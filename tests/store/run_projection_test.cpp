// The run projections (runs, steps, measurements) fed by synthetic event
// sequences through EventStore::ingest, as the GoogleTest runner emits them
// (docs/event-types.md, "Runs and steps").

#include "store/run_projection.hpp"

#include <gtest/gtest.h>

#include "litmus/event_log.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"
#include "store/schema.hpp"
#include "run_events.hpp"
#include "store_fixture.hpp"

namespace litmus::store {
namespace {

using nlohmann::json;

constexpr const char* kSession = "aaaaaaaa-0000-4000-8000-000000000001";
constexpr const char* kRun = "11111111-0000-4000-8000-00000000000a";

using litmus::testing::RunEvents;

json run_started_payload() {
  return {{"dut_serial", "SN-001"}, {"dut_part_number", "PN-7"},
          {"dut_revision", "B"},    {"dut_lot_number", "L42"},
          {"product", "psu_board"}, {"fixture", "fx1"},
          {"station", "bench_1"},   {"operator", "ann"},
          {"phase", "development"}, {"profile", "quick"},
          {"project", "demo"},      {"program", "test_power"},
          {"git_commit", "abc123"}, {"git_branch", "main"},
          {"guardband_pct", 2.5},   {"mocked", true},
          {"filter", "Power.*"},    {"environment", {{"compiler", "gcc 12"}, {"os", "linux"}}}};
}

json discovered_payload() {
  return {{"steps",
           {{{"step_path", "Power/Rail"},
             {"suite", "Power"},
             {"name", "Rail"},
             {"file", "t.cpp"},
             {"line", 12},
             {"vectors", 2}},
            {{"step_path", "Power/Ripple"},
             {"suite", "Power"},
             {"name", "Ripple"},
             {"file", "t.cpp"},
             {"line", 30},
             {"vectors", 1}},
            {{"step_path", "Comms/Uart"},
             {"suite", "Comms"},
             {"name", "Uart"},
             {"file", "c.cpp"},
             {"line", 5},
             {"vectors", 1}}}}};
}

json measurement(const std::string& name, double value, const std::string& outcome) {
  return {{"name", name},
          {"value", value},
          {"units", "V"},
          {"outcome", outcome},
          {"limit",
           {{"low", 3.2},
            {"high", 3.4},
            {"nominal", 3.3},
            {"comparator", "GELE"},
            {"guardband_pct", 1.0},
            {"source", "test_yaml"}}},
          {"characteristic_id", "CH-1"},
          {"spec_ref", "SPEC 4.2"},
          {"instrument",
           {{"role", "dmm"},
            {"resource", "mock"},
            {"channel", "dmm.voltage"},
            {"seq", 7},
            {"serial", "MY123"},
            {"calibration_due", "2027-01-31"}}},
          {"dut_pin", "TP3"},
          {"repeated", false}};
}

// A whole run: Power/Rail with two vectors (the second failing once, then
// passing on retry), Power/Ripple skipped, Comms/Uart never started.
RunEvents complete_run() {
  RunEvents run(kSession, kRun);
  run.add("run.started", run_started_payload())
      .add("test.steps_discovered", discovered_payload())
      .attempt("Power/Rail", 0, 0, "passed", {{"v", 3.3}}, {measurement("v_rail", 3.31, "passed")})
      .attempt("Power/Rail", 1, 0, "failed", {{"v", 5.0}}, {measurement("v_rail", 3.6, "failed")}, /*retrying=*/true)
      .attempt("Power/Rail", 1, 1, "passed", {{"v", 5.0}}, {measurement("v_rail", 3.3, "passed")})
      .attempt("Power/Ripple", 0, 0, "skipped", json::object())
      .add("run.ended",
           {{"outcome", "passed"}, {"duration_ns", 123'000'000}, {"counts", {{"passed", 2}, {"skipped", 1}}}});
  return run;
}

TEST(RunProjection, ProjectsACompleteRun) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  const auto run_events = complete_run();
  store->ingest(run_events.entries(), 1);

  auto run = store->run(kRun);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->session_id, kSession);
  EXPECT_EQ(run->outcome, "passed");
  EXPECT_FALSE(run->live());
  EXPECT_EQ(run->started_ts, 1'000'000'000);
  EXPECT_EQ(run->duration_ns, 123'000'000);
  EXPECT_EQ(run->dut_serial, "SN-001");
  EXPECT_EQ(run->dut_lot_number, "L42");
  EXPECT_EQ(run->operator_name, "ann");
  EXPECT_EQ(run->git_branch, "main");
  EXPECT_TRUE(run->mocked);
  EXPECT_DOUBLE_EQ(*run->guardband_pct, 2.5);
  EXPECT_EQ(json::parse(run->environment)["compiler"], "gcc 12");
  EXPECT_EQ(json::parse(run->counts)["passed"], 2);
  EXPECT_EQ(run->step_count, 3);
  EXPECT_EQ(run->measurement_count, 3);
  EXPECT_FALSE(run->synthetic_end);

  const auto steps = store->steps(kRun);
  ASSERT_EQ(steps.size(), 5u);
  auto key = [](const StepRow& s) {
    return s.step_path + "#" + std::to_string(s.vector_index) + "." + std::to_string(s.vector_retry);
  };
  EXPECT_EQ(key(steps[0]), "Power/Rail#0.0");
  EXPECT_EQ(key(steps[1]), "Power/Rail#1.0");
  EXPECT_EQ(key(steps[2]), "Power/Rail#1.1");
  EXPECT_EQ(key(steps[3]), "Power/Ripple#0.0");
  EXPECT_EQ(key(steps[4]), "Comms/Uart#0.0");
  EXPECT_EQ(steps[1].outcome, "failed");
  EXPECT_TRUE(steps[1].retrying);
  EXPECT_EQ(steps[2].outcome, "passed");
  EXPECT_EQ(steps[2].file, "t.cpp");  // a retry inherits its step's discovery
  EXPECT_EQ(steps[2].line, 12);
  EXPECT_EQ(steps[2].position, 0);
  EXPECT_EQ(json::parse(steps[2].inputs)["v"], 5.0);
  EXPECT_EQ(steps[2].measurement_count, 1);
  EXPECT_EQ(steps[2].duration_ns, 5'000'000);
  EXPECT_EQ(steps[3].outcome, "skipped");
  EXPECT_EQ(steps[3].status, "ended");
  EXPECT_EQ(steps[4].status, "never_ran");
  EXPECT_TRUE(steps[4].outcome.empty());

  const auto measurements = store->measurements(kRun);
  ASSERT_EQ(measurements.size(), 3u);
  const auto& m = measurements[1];
  EXPECT_EQ(m.name, "v_rail");
  EXPECT_DOUBLE_EQ(*m.value, 3.6);
  EXPECT_EQ(m.outcome, "failed");
  EXPECT_EQ(m.step_path, "Power/Rail");
  EXPECT_EQ(m.vector_index, 1);
  EXPECT_EQ(m.vector_retry, 0);
  EXPECT_DOUBLE_EQ(*m.low, 3.2);
  EXPECT_DOUBLE_EQ(*m.high, 3.4);
  EXPECT_DOUBLE_EQ(*m.nominal, 3.3);
  EXPECT_EQ(m.comparator, "GELE");
  EXPECT_EQ(m.limit_source, "test_yaml");
  EXPECT_EQ(m.characteristic_id, "CH-1");
  EXPECT_EQ(m.instrument_channel, "dmm.voltage");
  EXPECT_EQ(m.instrument_seq, 7);
  EXPECT_EQ(m.dut_pin, "TP3");
  EXPECT_EQ(m.instrument_serial, "MY123");
  EXPECT_EQ(m.calibration_due, "2027-01-31");
  EXPECT_LT(measurements[0].seq, measurements[1].seq);
}

TEST(RunProjection, RowsConvertToJsonWithJsonColumnsParsed) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(complete_run().entries(), 1);
  const json run = *store->run(kRun);
  EXPECT_EQ(run["environment"]["os"], "linux");
  EXPECT_EQ(run["counts"]["skipped"], 1);
  EXPECT_EQ(run["operator"], "ann");
  const json steps = store->steps(kRun);
  EXPECT_EQ(steps[0]["inputs"]["v"], 3.3);
  EXPECT_TRUE(steps[0]["failures"].is_array());
  EXPECT_TRUE(steps[4]["outcome"].is_null());
  EXPECT_TRUE(steps[4]["inputs"].is_null());
  const json measurements = store->measurements(kRun);
  EXPECT_EQ(measurements[0]["low"], 3.2);
  EXPECT_EQ(measurements[0]["instrument_role"], "dmm");
}

TEST(RunProjection, ReingestingChangesNothing) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  const auto run_events = complete_run();
  const auto& entries = run_events.entries();
  store->ingest(std::span(entries).first(6), 1);  // a live run, half way
  EXPECT_TRUE(store->run(kRun)->live());
  EXPECT_EQ(store->runs({.outcome = "running"}).size(), 1u);
  store->ingest(entries, 2);
  store->ingest(entries, 2);
  store->ingest(std::span(entries).subspan(3, 4), 2);
  const auto run = store->run(kRun);
  EXPECT_EQ(run->measurement_count, 3);
  EXPECT_EQ(run->step_count, 3);
  EXPECT_EQ(store->steps(kRun).size(), 5u);
  EXPECT_EQ(store->steps(kRun)[0].measurement_count, 1);
  EXPECT_EQ(store->measurements(kRun).size(), 3u);
}

TEST(RunProjection, RunEndClosesWhatIsLeft) {
  struct Case {
    const char* run_outcome;
    const char* running_step_becomes;
  };
  for (const Case c : {Case{"terminated", "terminated"}, Case{"aborted", "aborted"}, Case{"passed", "errored"},
                       Case{"no such outcome", "errored"}}) {
    litmus::testing::TempDir dir;
    auto store = EventStore::open(dir.path());
    RunEvents run(kSession, kRun);
    run.add("run.started", run_started_payload())
        .add("test.steps_discovered", discovered_payload())
        .add("test.step_started", {{"inputs", {{"v", 3.3}}}, {"vector_retry", 0}}, "Power/Rail", 0)
        .add("run.ended", {{"outcome", c.run_outcome}, {"reason", "SIGTERM"}});
    store->ingest(run.entries(), 1);
    const auto steps = store->steps(kRun);
    ASSERT_EQ(steps.size(), 4u);
    EXPECT_EQ(steps[0].status, "ended") << c.run_outcome;
    EXPECT_EQ(steps[0].outcome, c.running_step_becomes) << c.run_outcome;
    EXPECT_EQ(steps[0].error, "SIGTERM");
    EXPECT_EQ(steps[0].ended_ts, 4'000'000'000);
    EXPECT_EQ(steps[0].duration_ns, 1'000'000'000);
    for (std::size_t i = 1; i < steps.size(); ++i) EXPECT_EQ(steps[i].status, "never_ran");
    const auto row = store->run(kRun);
    EXPECT_FALSE(row->live());
    EXPECT_EQ(row->outcome, std::string(c.run_outcome) == "no such outcome" ? "" : c.run_outcome);
    EXPECT_EQ(row->duration_ns, 3'000'000'000);  // ended_ts - started_ts when the payload has none
  }
}

TEST(RunProjection, AStepNeverDiscoveredSortsAfterTheDiscoveredOnes) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  RunEvents run(kSession, kRun);
  run.add("run.started", run_started_payload())
      .add("test.steps_discovered", discovered_payload())
      .attempt("Extra/Late", -1, 0, "passed", json::object())
      .attempt("Power/Rail", 0, 0, "passed", json::object());
  store->ingest(run.entries(), 1);
  const auto steps = store->steps(kRun);
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].step_path, "Power/Rail");
  EXPECT_EQ(steps.back().step_path, "Extra/Late");
  EXPECT_EQ(steps.back().vector_index, 0);  // no vector index: vector 0
  EXPECT_EQ(steps.back().position, 3);
  EXPECT_EQ(steps.back().suite, "Extra");
  EXPECT_EQ(steps.back().name, "Late");
}

TEST(RunProjection, MalformedPayloadsAreStoredAndProjectWhatTheyCan) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  RunEvents run(kSession, kRun);
  run.add("run.started", {{"dut_serial", 5},
                          {"environment", "not an object"},
                          {"guardband_pct", "x"},
                          {"mocked", "yes"},
                          {"station", "bench_1"}})
      .add("test.steps_discovered", {{"steps",
                                      {json::object(),
                                       3,
                                       {{"step_path", 7}},
                                       {{"step_path", "A/Bad"}, {"vectors", "x"}, {"line", "12"}},
                                       {{"step_path", "A/Huge"}, {"vectors", 10'000'000'000LL}}}}})
      .add("test.steps_discovered", {{"steps", "not a list"}})
      .add_raw("test.step_started", "not json at all", "A/Bad")
      .add_raw("test.step_started", "[1, 2, 3]", "A/Bad")
      .add("test.step_started", {{"inputs", "not an object"}, {"vector_retry", -4}})  // no step_path
      .add("test.measurement",
           {{"name", 3},
            {"value", "high"},
            {"limit", "none"},
            {"instrument", 5},
            {"outcome", "great"},
            {"vector_retry", "first"}},
           "A/Bad", 0)
      .add(
          "test.step_ended",
          {{"outcome", 1}, {"failures", "many"}, {"duration_ns", "long"}, {"retrying", "maybe"}, {"vector_retry", 1.5}},
          "A/Bad", 0)
      .add_raw("run.ended", "{\"outcome\": ");
  JournalEntry no_run = litmus::testing::make_entry(kSession, run.entries().size() + 1, "test.measurement",
                                                    {{"name", "orphan"}, {"value", 1.0}});
  auto entries = run.entries();
  entries.push_back(no_run);
  ASSERT_NO_THROW(store->ingest(entries, 1));

  EXPECT_EQ(store->events({.session_id = kSession, .limit = 100}).size(), entries.size());
  const auto row = store->run(kRun);
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->dut_serial.empty());
  EXPECT_EQ(row->station, "bench_1");
  EXPECT_TRUE(row->environment.empty());
  EXPECT_FALSE(row->guardband_pct);
  EXPECT_FALSE(row->mocked);
  EXPECT_FALSE(row->live());  // run.ended arrived, even unreadable
  EXPECT_TRUE(row->outcome.empty());
  EXPECT_EQ(row->step_count, 2);

  const auto steps = store->steps(kRun);
  ASSERT_EQ(steps.size(), 1u + kMaxDiscoveredVectors);  // A/Bad once, A/Huge clamped
  EXPECT_EQ(steps[0].step_path, "A/Bad");
  EXPECT_FALSE(steps[0].line);
  EXPECT_EQ(steps[0].status, "ended");
  EXPECT_TRUE(steps[0].outcome.empty());
  EXPECT_TRUE(steps[0].failures.empty());
  EXPECT_EQ(steps[0].duration_ns, 3'000'000'000);  // no duration_ns: ended_ts - started_ts (the later start)
  EXPECT_EQ(steps[0].measurement_count, 1);
  EXPECT_EQ(steps[1].status, "never_ran");

  const auto measurements = store->measurements(kRun);
  ASSERT_EQ(measurements.size(), 1u);
  EXPECT_TRUE(measurements[0].name.empty());
  EXPECT_FALSE(measurements[0].value);
  EXPECT_TRUE(measurements[0].outcome.empty());
  EXPECT_FALSE(measurements[0].low);
  EXPECT_EQ(measurements[0].vector_retry, 0);
  auto orphan = store->db().prepare("SELECT name, run_id IS NULL FROM measurements WHERE run_id IS NULL");
  ASSERT_TRUE(orphan.step());
  EXPECT_EQ(orphan.column_text(0), "orphan");
}

TEST(RunProjection, QueriesFilterPageAndResolvePrefixes) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  const std::vector<std::string> ids{"22222222-aaaa-4000-8000-000000000001", "22222222-bbbb-4000-8000-000000000002",
                                     "33333333-0000-4000-8000-000000000003"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string session = "cccccccc-0000-4000-8000-00000000000" + std::to_string(i);
    RunEvents run(session, ids[i]);
    json started = run_started_payload();
    started["station"] = i == 2 ? "bench_2" : "bench_1";
    started["dut_serial"] = "SN-" + std::to_string(i);
    run.add("session.started", json::object()).add("run.started", started);
    if (i != 1) run.add("run.ended", {{"outcome", i == 0 ? "passed" : "failed"}});
    // Later runs start later: the seq-based clock of make_entry plus i s.
    std::vector<JournalEntry> entries = run.entries();
    for (auto& entry : entries) entry.event.ts += static_cast<std::int64_t>(i) * 10'000'000'000;
    store->ingest(entries, 1);
  }
  const auto all = store->runs({});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].run_id, ids[2]);  // newest first
  EXPECT_EQ(all[2].run_id, ids[0]);
  EXPECT_EQ(store->run_count({}), 3);
  EXPECT_EQ(store->run_count({.station = "bench_1"}), 2);
  EXPECT_EQ(store->runs({.dut_serial = "SN-2"}).at(0).run_id, ids[2]);
  EXPECT_EQ(store->runs({.outcome = "running"}).at(0).run_id, ids[1]);
  EXPECT_EQ(store->runs({.outcome = "failed"}).at(0).run_id, ids[2]);
  EXPECT_EQ(store->runs({.project = "demo"}).size(), 3u);
  EXPECT_EQ(store->runs({.project = "other"}).size(), 0u);
  EXPECT_EQ(store->runs({.limit = 1, .offset = 1}).at(0).run_id, ids[1]);
  EXPECT_EQ(store->run_count({.limit = 1}), 3);

  EXPECT_EQ(store->run("33333333")->run_id, ids[2]);
  EXPECT_EQ(store->run("22222222-AAAA")->run_id, ids[0]);
  EXPECT_FALSE(store->run("3333333"));  // shorter than 8
  EXPECT_FALSE(store->run("44444444"));
  try {
    store->run("22222222");
    FAIL() << "expected AmbiguousId";
  } catch (const AmbiguousId& e) {
    EXPECT_EQ(e.candidates(), (std::vector<std::string>{ids[0], ids[1]}));
    EXPECT_NE(std::string(e.what()).find(ids[1]), std::string::npos) << e.what();
  }
}

// A test program that died mid-step: recovery closes its run as aborted.
TEST(RunProjection, RecoveryAbortsTheRunOfADeadProcess) {
  litmus::testing::TempDir dir;
  std::string session;
  {
    auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
    session = log->session_id();
    EventContext run{.run_id = kRun};
    log->emit("session.started", {{"station", "bench_1"}});
    log->emit("run.started", run_started_payload(), run);
    log->emit("test.steps_discovered", discovered_payload(), run);
    EventContext rail{.run_id = kRun, .step_path = "Power/Rail", .vector_index = 0};
    log->emit("test.step_started", {{"inputs", {{"v", 3.3}}}, {"vector_retry", 0}}, rail);
    log->emit("test.measurement", measurement("v_rail", 3.3, "passed"), rail);
    log->emit("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}, {"duration_ns", 10}}, rail);
    rail.vector_index = 1;
    log->emit("test.step_started", {{"inputs", {{"v", 5.0}}}, {"vector_retry", 0}}, rail);
    log->emit("test.measurement", measurement("v_rail", 3.31, "passed"), rail);
    // The process dies here: no step_ended, run.ended nor session.ended.
  }
  auto store = EventStore::open(dir.path());
  recover(dir.path(), *store);

  const auto run = store->run(kRun);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->session_id, session);
  EXPECT_EQ(run->outcome, "aborted");
  EXPECT_TRUE(run->synthetic_end);
  EXPECT_NE(run->reason.find("recovery"), std::string::npos);
  const auto steps = store->steps(kRun);
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].outcome, "passed");
  EXPECT_EQ(steps[1].status, "ended");
  EXPECT_EQ(steps[1].outcome, "aborted");
  EXPECT_FALSE(steps[1].ended_ts);  // recovery cannot know when it stopped
  EXPECT_EQ(steps[2].status, "never_ran");
  EXPECT_EQ(steps[3].status, "never_ran");
  const auto measurements = store->measurements(kRun);
  ASSERT_EQ(measurements.size(), 2u);
  EXPECT_DOUBLE_EQ(*measurements[1].value, 3.31);
  EXPECT_EQ(measurements[1].vector_index, 1);
  EXPECT_EQ(run->measurement_count, 2);
}

// A store written by the previous release (schema 1) holds run events
// but no run tables: opening it upgrades and projects them, once.
TEST(RunProjection, UpgradesASchema1Store) {
  litmus::testing::TempDir dir;
  {
    auto store = EventStore::open(dir.path());
    store->ingest(complete_run().entries(), 1);
    // Back to what schema 1 was: the same file without the run tables.
    store->db().exec(
        "DROP TABLE runs; DROP TABLE steps; DROP TABLE measurements; "
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  {
    auto store = EventStore::open(dir.path());
    EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
    const auto run = store->run(kRun);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->outcome, "passed");
    EXPECT_EQ(run->measurement_count, 3);
    EXPECT_EQ(store->steps(kRun).size(), 5u);
    EXPECT_EQ(store->steps(kRun)[4].status, "never_ran");
    EXPECT_EQ(store->measurements(kRun).size(), 3u);
  }
  auto again = EventStore::open(dir.path());
  EXPECT_EQ(again->run(kRun)->measurement_count, 3);
  EXPECT_EQ(again->measurements(kRun).size(), 3u);
}

// Schema 2 had measurements without the traceability columns of schema 3;
// opening adds them and keeps every row.
TEST(RunProjection, UpgradesASchema2Store) {
  litmus::testing::TempDir dir;
  {
    auto store = EventStore::open(dir.path());
    store->ingest(complete_run().entries(), 1);
    store->db().exec(
        "ALTER TABLE measurements DROP COLUMN dut_pin; ALTER TABLE measurements DROP COLUMN instrument_serial; "
        "ALTER TABLE measurements DROP COLUMN calibration_due; "
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
  const auto rows = store->measurements(kRun);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].dut_pin, "");
  EXPECT_EQ(rows[0].instrument_serial, "");
}

TEST(RunProjection, UpgradesAnEmptySchema1Store) {
  litmus::testing::TempDir dir;
  {
    auto store = EventStore::open(dir.path());
    store->db().exec(
        "DROP TABLE runs; DROP TABLE steps; DROP TABLE measurements; "
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  auto store = EventStore::open(dir.path());
  EXPECT_EQ(schema_version(store->db()), kSchemaVersion);
  EXPECT_TRUE(store->runs({}).empty());
}

}  // namespace
}  // namespace litmus::store
