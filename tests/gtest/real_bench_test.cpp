// A test program on a real bench: the same sample program as runner_test,
// run with --no-mock-instruments against `litmus sim` instruments on
// loopback TCP. Covers what only a whole process shows: the station file's
// resources, asset identity and calibration, and the fixture reaching the
// measurements in the store; and two processes contending for one
// instrument (refused at once, or waiting with --instrument-timeout until
// the holder dies).

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <map>
#include <thread>

#include "config/write_file.hpp"
#include "sim/sim_dmm.hpp"
#include "sim/sim_server.hpp"
#include "store/event_store.hpp"
#include "support/cli_run.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using litmus::testing::Process;
using litmus::testing::TempDir;
using litmus::testing::write_file;
using namespace std::chrono_literals;

class RealBenchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sim::SimConfig config;
    config.add("psu", "psu");
    config.add("dmm", "dmm");
    sim_ = std::make_unique<sim::SimServer>(std::move(config));
    sim_->start();
    sim_->model<sim::SimDmm>("dmm").set_value(DmmFunction::resistance, 10100.0);

    write_file(project_ / "litmus.yaml",
               "name: sample\ndefault_station: bench\ndefault_fixture: board_fixture\nmock_instruments: true\n");
    write_file(project_ / "stations/bench.yaml", "id: bench\nname: Bench\ninstruments:\n  psu:\n    type: psu\n"
                                                 "    resource: " +
                                                     sim_->resource("psu") +
                                                     "\n  dmm:\n    type: dmm\n    resource: " + sim_->resource("dmm") +
                                                     "\n    asset: dmm_1\n");
    const sim::SimIdentity dmm = sim_->instrument("dmm").identity();
    write_file(project_ / "instruments/dmm_1.yaml", "id: dmm_1\ntype: dmm\nmanufacturer: " + dmm.manufacturer +
                                                        "\nmodel: " + dmm.model + "\nserial: " + dmm.serial +
                                                        "\ncalibration:\n  last: 2026-01-15\n  due: 2099-01-15\n");
    write_file(project_ / "products/board.yaml", R"(id: board
part_number: PN-1
pins:
  TP1: {description: pull-up}
characteristics:
  r_pullup: {units: Ohm, nominal: 10000, accuracy_pct: 5}
)");
    write_file(project_ / "fixtures/board_fixture.yaml",
               "id: board_fixture\nproduct: board\nstation: bench\nconnections:\n  TP1: {instrument: dmm}\n");
  }

  std::vector<std::string> arguments(const std::string& filter, std::vector<std::string> extra = {}) const {
    std::vector<std::string> argv{SAMPLE_PROGRAM,
                                  "--project=" + project_.path().string(),
                                  "--data-dir=" + data_dir().string(),
                                  "--product=board",
                                  "--dut-serial=SN-7",
                                  "--no-mock-instruments",
                                  "--gtest_filter=" + filter};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
  // Each process gets the same lock directory, so they contend as two
  // programs on one bench do.
  std::map<std::string, std::string> env() const { return {{"LITMUS_LOCK_DIR", (project_ / "locks").string()}}; }
  // The environment of a program that holds the bench until killed: it
  // creates `marker` once inside its step (instruments connected, locks held).
  std::map<std::string, std::string> holder_env() const {
    auto with_marker = env();
    with_marker.emplace("LITMUS_SAMPLE_MARKER", marker().string());
    return with_marker;
  }
  std::filesystem::path marker() const { return project_ / "holding"; }
  bool holder_in_step() const {
    for (int i = 0; i < 300 && !std::filesystem::exists(marker()); ++i) std::this_thread::sleep_for(50ms);
    return std::filesystem::exists(marker());
  }
  std::filesystem::path data_dir() const { return project_ / "data"; }

  TempDir project_;
  std::unique_ptr<sim::SimServer> sim_;
};

TEST_F(RealBenchTest, SameProgramRunsOnSimulatedInstrumentsWithTraceability) {
  Process process(arguments("Judge.FromProduct"), env());
  const std::string output = process.read_all();
  ASSERT_EQ(process.wait(), 0) << output;

  auto db = store::EventStore::open(data_dir());
  const auto runs = db->runs({});
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].outcome, "passed");
  EXPECT_FALSE(runs[0].mocked);
  const auto measurements = db->measurements(runs[0].run_id);
  ASSERT_EQ(measurements.size(), 1u);
  const auto& m = measurements[0];
  EXPECT_EQ(m.name, "r_pullup");
  EXPECT_NEAR(*m.value, 10100.0, 50.0);  // the sim's value, with its noise
  EXPECT_EQ(m.outcome, "passed");
  EXPECT_EQ(m.instrument_role, "dmm");
  EXPECT_EQ(m.instrument_resource, sim_->resource("dmm"));
  EXPECT_EQ(m.instrument_serial, sim_->instrument("dmm").identity().serial);
  EXPECT_EQ(m.calibration_due, "2099-01-15");
  EXPECT_EQ(m.dut_pin, "TP1");

  const auto instruments = db->instruments(runs[0].session_id);
  ASSERT_EQ(instruments.size(), 2u);
  for (const auto& instrument : instruments) EXPECT_FALSE(instrument.mocked) << instrument.role;
  store::EventQuery query;
  query.session_id = runs[0].session_id;
  query.type = "instrument.identity_verified";
  const auto verified = db->events(query);
  ASSERT_EQ(verified.size(), 1u);  // only the DMM names an asset
  EXPECT_EQ(nlohmann::json::parse(verified[0].event.payload)["matches"], true);
}

TEST_F(RealBenchTest, SecondProgramOnTheSameBenchIsToldWhichProcessHoldsIt) {
  Process holder(arguments("Hang.*"), holder_env());
  ASSERT_TRUE(holder_in_step()) << "the first program never reached its step";

  auto argv = arguments("Judge.FromProduct");
  const std::string program = argv.front();
  argv.erase(argv.begin());
  const auto second = testing::run_cli(program, argv, env());
  EXPECT_EQ(second.exit_code, 1) << second.out;
  EXPECT_NE(second.err.find("resource in use by pid " + std::to_string(holder.pid()) + " (sample_program)"),
            std::string::npos)
      << second.err;

  holder.kill(SIGKILL);
  holder.wait();
}

TEST_F(RealBenchTest, WaitingProgramGetsTheBenchWhenTheHolderIsKilled) {
  Process holder(arguments("Hang.*"), holder_env());
  ASSERT_TRUE(holder_in_step()) << "the first program never reached its step";

  Process waiter(arguments("Judge.FromProduct", {"--instrument-timeout=30"}), env());
  std::this_thread::sleep_for(500ms);  // the waiter is now blocked on the lock
  holder.kill(SIGKILL);                // the kernel drops the dead holder's locks
  holder.wait();
  const std::string output = waiter.read_all();
  EXPECT_EQ(waiter.wait(), 0) << output;

  auto db = store::EventStore::open(data_dir());
  store::RunQuery passed;
  passed.outcome = "passed";
  EXPECT_EQ(db->run_count(passed), 1);
}

}  // namespace
}  // namespace litmus
