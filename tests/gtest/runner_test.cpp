// The runner end to end: tests/gtest/programs/sample_program.cpp runs as a
// child process against a temp project; its run, steps and measurements
// are then read from the store it filled.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "config/write_file.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using litmus::testing::Process;
using litmus::testing::TempDir;
using litmus::testing::write_file;

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(project_ / "litmus.yaml", "name: sample\ndefault_station: bench\nmock_instruments: true\n");
    write_file(project_ / "stations/bench.yaml", R"(id: bench
name: Bench
instruments:
  psu:
    type: psu
    mock_config: {measure_voltage: 5.0}
  dmm:
    type: dmm
    mock_config: {measure_dc_voltage: 3.31, measure_resistance: 10100}
)");
    write_file(project_ / "products/board.yaml", R"(id: board
part_number: PN-1
revision: B
characteristics:
  rail_3v3: {units: V, nominal: 3.3, accuracy_pct: 3, spec_ref: "DS 4.1"}
  r_pullup: {units: Ohm, nominal: 10000, accuracy_pct: 5, spec_ref: "DS 6.2"}
)");
  }

  // Runs the sample program with `filter`; returns its exit status.
  int run(const std::string& filter, std::vector<std::string> extra = {}) {
    Process process(arguments(filter, std::move(extra)));
    output_ = process.read_all();
    return process.wait();
  }

  std::vector<std::string> arguments(const std::string& filter, std::vector<std::string> extra) const {
    std::vector<std::string> argv{SAMPLE_PROGRAM,
                                  "--project=" + project_.path().string(),
                                  "--data-dir=" + data_dir().string(),
                                  "--product=board",
                                  "--dut-serial=SN-0042",
                                  "--gtest_filter=" + filter};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }

  std::filesystem::path data_dir() const { return project_ / "data"; }

  std::unique_ptr<store::EventStore> store() { return store::EventStore::open(data_dir()); }

  store::RunRow only_run(store::EventStore& db) {
    auto runs = db.runs({});
    EXPECT_EQ(runs.size(), 1u) << output_;
    return runs.empty() ? store::RunRow{} : runs.front();
  }

  static std::vector<store::StepRow> steps_of(const std::vector<store::StepRow>& steps, const std::string& path) {
    std::vector<store::StepRow> found;
    for (const auto& step : steps) {
      if (step.step_path == path) found.push_back(step);
    }
    return found;
  }

  static const store::MeasurementRow* measurement(const std::vector<store::MeasurementRow>& rows,
                                                  const std::string& name, int nth = 0) {
    for (const auto& row : rows) {
      if (row.name == name && nth-- == 0) return &row;
    }
    return nullptr;
  }

  TempDir project_;
  std::string output_;
};

TEST_F(RunnerTest, OneInvocationIsOneRunWithStepsVectorsAndMeasurements) {
  EXPECT_EQ(run("-Crash.*:Hang.*"), 1) << output_;  // Judge.OutOfLimits fails, so does the program
  auto db = store();
  const auto run_row = only_run(*db);
  EXPECT_EQ(run_row.outcome, "errored");  // worst of the steps' outcomes
  EXPECT_EQ(run_row.dut_serial, "SN-0042");
  EXPECT_EQ(run_row.dut_part_number, "PN-1");  // from the product when not given
  EXPECT_EQ(run_row.dut_revision, "B");
  EXPECT_EQ(run_row.product, "board");
  EXPECT_EQ(run_row.station, "bench");
  EXPECT_EQ(run_row.project, "sample");
  EXPECT_EQ(run_row.phase, "development");  // mocked
  EXPECT_TRUE(run_row.mocked);
  EXPECT_EQ(run_row.program, "sample_program");
  EXPECT_EQ(run_row.step_count, 12);
  const auto environment = nlohmann::json::parse(run_row.environment);
  EXPECT_FALSE(environment.value("compiler", "").empty());
  EXPECT_FALSE(environment.value("litmus_version", "").empty());

  const auto steps = db->steps(run_row.run_id);
  const auto measurements = db->measurements(run_row.run_id);

  // Sweep: one execution per vector, inputs recorded, instrument traced.
  const auto rail = steps_of(steps, "Sweep/Rail");
  ASSERT_EQ(rail.size(), 3u);
  for (int v = 0; v < 3; ++v) {
    EXPECT_EQ(rail[v].vector_index, v);
    EXPECT_EQ(rail[v].outcome, "passed");
  }
  EXPECT_EQ(nlohmann::json::parse(rail[2].inputs), nlohmann::json({{"vin", 5.5}}));
  const auto* v_rail = measurement(measurements, "v_rail");
  ASSERT_NE(v_rail, nullptr);
  EXPECT_EQ(v_rail->characteristic_id, "rail_3v3");
  EXPECT_EQ(v_rail->spec_ref, "DS 4.1");
  EXPECT_NEAR(*v_rail->low, 3.234, 1e-9);  // rail_3v3 narrowed to ±2 % by the test YAML
  EXPECT_NEAR(*v_rail->high, 3.366, 1e-9);
  EXPECT_EQ(v_rail->instrument_role, "dmm");
  EXPECT_EQ(v_rail->instrument_channel, "dmm.voltage");
  EXPECT_EQ(v_rail->outcome, "passed");
  for (int v = 0; v < 3; ++v) EXPECT_EQ(measurement(measurements, "vin_changed", v)->value, 1.0);

  // Cross product, first group outermost.
  const auto grid = steps_of(steps, "Sweep/Grid");
  ASSERT_EQ(grid.size(), 6u);
  EXPECT_EQ(nlohmann::json::parse(grid[1].inputs), nlohmann::json({{"a", 1}, {"b", 0.5}}));
  EXPECT_EQ(nlohmann::json::parse(grid[3].inputs), nlohmann::json({{"a", 2}, {"b", 0.0}}));

  EXPECT_EQ(steps_of(steps, "Judge/OutOfLimits").at(0).outcome, "failed");
  EXPECT_EQ(measurement(measurements, "v_high")->outcome, "failed");
  const auto* guardbanded = measurement(measurements, "v_gb");
  EXPECT_NEAR(*guardbanded->low, 3.1515, 1e-9);
  EXPECT_NEAR(*guardbanded->high, 3.4485, 1e-9);
  EXPECT_EQ(measurement(measurements, "r_pullup")->characteristic_id, "r_pullup");
  EXPECT_EQ(steps_of(steps, "Judge/FromProduct").at(0).outcome, "passed");
  EXPECT_EQ(steps_of(steps, "Judge/MeasureOnly").at(0).outcome, "done");
  EXPECT_EQ(measurement(measurements, "temperature")->units, "C");

  const auto throws = steps_of(steps, "Errors/Throws").at(0);
  EXPECT_EQ(throws.outcome, "errored");
  EXPECT_EQ(throws.error, "boom");
  EXPECT_NE(measurement(measurements, "before_throw"), nullptr);  // recorded before the exception
  const auto* unlimited = measurement(measurements, "unlimited");
  ASSERT_NE(unlimited, nullptr);  // kept, though it could not be judged
  EXPECT_EQ(unlimited->outcome, "errored");
  EXPECT_EQ(steps_of(steps, "Errors/NoLimit").at(0).outcome, "errored");
  EXPECT_NE(steps_of(steps, "Errors/NoLimit").at(0).error.find("unlimited"), std::string::npos);
  EXPECT_EQ(steps_of(steps, "Errors/Repeated").at(0).outcome, "errored");
  EXPECT_NE(measurement(measurements, "twice", 1), nullptr);
  ASSERT_NE(measurement(measurements, "once", 1), nullptr);  // the offending value is kept too
  EXPECT_EQ(measurement(measurements, "once", 1)->outcome, "errored");

  // Every attempt kept; the last one counts, for the store and GoogleTest.
  const auto flaky = steps_of(steps, "Retry/FlakyOnce");
  ASSERT_EQ(flaky.size(), 2u);
  EXPECT_EQ(flaky[0].outcome, "failed");
  EXPECT_TRUE(flaky[0].retrying);
  EXPECT_EQ(flaky[1].vector_retry, 1);
  EXPECT_EQ(flaky[1].outcome, "passed");
  EXPECT_NE(output_.find("[       OK ] Retry.FlakyOnce"), std::string::npos) << output_;

  EXPECT_EQ(steps_of(steps, "Skip/Skipped").at(0).outcome, "skipped");
  EXPECT_EQ(steps_of(steps, "Fixtured/SeesMember").at(0).outcome, "passed");
  // GoogleTest says which vector failed.
  EXPECT_NE(output_.find("v_high = 3.3 V is out of limits"), std::string::npos) << output_;
}

TEST_F(RunnerTest, ProcessKilledMidStepIsAbortedOnRecoveryWithEarlierMeasurementsKept) {
  EXPECT_EQ(run("Judge.MeasureOnly:Crash.*:Hang.*"), 128 + SIGSEGV) << output_;
  auto db = store();
  store::recover(data_dir(), *db, [](const std::string&) {});
  const auto run_row = only_run(*db);
  EXPECT_EQ(run_row.outcome, "aborted");
  EXPECT_TRUE(run_row.synthetic_end);
  const auto steps = db->steps(run_row.run_id);
  EXPECT_EQ(steps_of(steps, "Judge/MeasureOnly").at(0).outcome, "done");
  EXPECT_EQ(steps_of(steps, "Crash/MidStep").at(0).outcome, "aborted");
  EXPECT_EQ(steps_of(steps, "Hang/UntilSignal").at(0).status, "never_ran");
  EXPECT_NE(output_.find("last words before the crash"), std::string::npos) << output_;
  const auto measurements = db->measurements(run_row.run_id);
  ASSERT_NE(measurement(measurements, "before_crash"), nullptr);
  EXPECT_EQ(measurement(measurements, "before_crash")->value, 42.0);
}

TEST_F(RunnerTest, SigtermEndsTheRunTerminatedAndMakesTheRigSafe) {
  const auto marker = project_ / "in_step";
  Process process(arguments("Hang.*", {}), {{"LITMUS_SAMPLE_MARKER", marker.string()}});
  for (int i = 0; i < 300 && !std::filesystem::exists(marker); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(std::filesystem::exists(marker)) << "the program never reached its step";
  process.kill(SIGTERM);
  output_ = process.read_all();
  EXPECT_EQ(process.wait(), 128 + SIGTERM) << output_;

  auto db = store();
  const auto run_row = only_run(*db);
  EXPECT_EQ(run_row.outcome, "terminated");
  EXPECT_EQ(run_row.reason, "SIGTERM");
  EXPECT_FALSE(run_row.synthetic_end);
  const auto session = db->session(run_row.session_id);
  ASSERT_TRUE(session.has_value());
  EXPECT_EQ(session->outcome, "terminated");
  EXPECT_EQ(db->steps(run_row.run_id).at(0).outcome, "terminated");
  EXPECT_NE(measurement(db->measurements(run_row.run_id), "before_signal"), nullptr);
  // The PSU was switched off on the way out.
  bool output_off = false;
  store::EventQuery query;
  query.session_id = run_row.session_id;
  query.type = "instrument.set";
  query.limit = 1000;
  for (const auto& stored : db->events(query)) {
    const auto payload = nlohmann::json::parse(stored.event.payload);
    output_off = output_off || (stored.event.role == "psu" && payload.value("setting", "") == "output" &&
                                payload.value("value", true) == false);
  }
  EXPECT_TRUE(output_off);
}

TEST_F(RunnerTest, RepeatedIterationsAddAttemptsToTheSameRun) {
  EXPECT_EQ(run("Judge.MeasureOnly:Judge.Guardband", {"--gtest_repeat=2", "--gtest_shuffle"}), 0) << output_;
  auto db = store();
  const auto run_row = only_run(*db);
  EXPECT_EQ(run_row.outcome, "passed");
  const auto steps = db->steps(run_row.run_id);
  const auto measure_only = steps_of(steps, "Judge/MeasureOnly");
  ASSERT_EQ(measure_only.size(), 2u);
  EXPECT_EQ(measure_only[0].vector_retry, 0);
  EXPECT_EQ(measure_only[1].vector_retry, 1);
  EXPECT_EQ(db->measurements(run_row.run_id).size(), 4u);
}

TEST_F(RunnerTest, ProgramOutputIsCopiedIntoRunOutputEventsAndStillPrinted) {
  ASSERT_EQ(run("Judge.MeasureOnly"), 0) << output_;
  EXPECT_NE(output_.find("reading the temperature\nsensor at 25 C\n"), std::string::npos) << output_;
  auto db = store();
  const auto run_row = only_run(*db);
  store::EventQuery query;
  query.session_id = run_row.session_id;
  query.limit = 1000;
  std::map<std::string, std::string> text;  // by stream
  std::uint64_t last_output_seq = 0;
  std::uint64_t run_ended_seq = 0;
  for (const auto& stored : db->events(query)) {
    if (stored.event.type == "run.ended") run_ended_seq = stored.event.seq;
    if (stored.event.type != "run.output") continue;
    EXPECT_EQ(stored.event.run_id, run_row.run_id);
    const auto payload = nlohmann::json::parse(stored.event.payload);
    auto& so_far = text[payload.at("stream").get<std::string>()];
    so_far += (so_far.empty() ? "" : "\n") + payload.at("text").get<std::string>();
    last_output_seq = stored.event.seq;
  }
  EXPECT_NE(text["stdout"].find("reading the temperature\nsensor at 25 C"), std::string::npos) << text["stdout"];
  EXPECT_NE(text["stderr"].find("warning: no airflow"), std::string::npos) << text["stderr"];
  EXPECT_LT(last_output_seq, run_ended_seq);  // the run's output is complete when it ends
}

TEST_F(RunnerTest, NoOutputCaptureRecordsNoOutputEvents) {
  ASSERT_EQ(run("Judge.MeasureOnly", {"--no-output-capture"}), 0) << output_;
  EXPECT_NE(output_.find("reading the temperature"), std::string::npos);
  auto db = store();
  store::EventQuery query;
  query.type = "run.output";
  EXPECT_TRUE(db->events(query).empty());
}

TEST_F(RunnerTest, ListingTestsRecordsNoRun) {
  EXPECT_EQ(run("*", {"--gtest_list_tests"}), 0);
  EXPECT_NE(output_.find("Sweep."), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(data_dir() / "litmus.db") && !store()->runs({}).empty());
}

TEST_F(RunnerTest, BadFlagValueExitsTwoNamingTheFlag) {
  Process process({SAMPLE_PROGRAM, "--guardband=abc"});
  output_ = process.read_all();
  EXPECT_EQ(process.wait(), 2);
}

TEST_F(RunnerTest, BadTestYamlEndsTheRunErroredNamingTheFile) {
  write_file(project_ / "bad.yaml", "tests:\n  Judge:\n    tests:\n      MeasureOnly:\n        sweeps: [{x: {bogus: 1}}]\n");
  EXPECT_EQ(run("Judge.MeasureOnly", {"--test-config=" + (project_ / "bad.yaml").string()}), 1) << output_;
  auto db = store();
  const auto run_row = only_run(*db);
  EXPECT_EQ(run_row.outcome, "errored");
  EXPECT_NE(run_row.reason.find("bad.yaml:5"), std::string::npos) << run_row.reason;
  EXPECT_NE(run_row.reason.find("bogus"), std::string::npos) << run_row.reason;
}

}  // namespace
}  // namespace litmus
