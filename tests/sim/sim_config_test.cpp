// The simulator's YAML config: every section reaches its model, and the
// checks are strict (unknown keys and bad values name file, line and key).

#include <gtest/gtest.h>

#include <fstream>

#include "litmus/error.hpp"
#include "one_instrument.hpp"
#include "sim/sim_config.hpp"
#include "sim/sim_dmm.hpp"
#include "sim/sim_psu.hpp"
#include "support/temp_dir.hpp"

namespace litmus::sim {
namespace {

using litmus::testing::TempDir;

std::filesystem::path write_file(const TempDir& dir, const std::string& text) {
  const auto path = dir / "sim.yaml";
  std::ofstream(path) << text;
  return path;
}

std::string load_error(const std::string& text) {
  TempDir dir;
  try {
    load_sim_config(write_file(dir, text));
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(SimConfig, ConfiguresEveryInstrument) {
  TempDir dir;
  SimConfig config = load_sim_config(write_file(dir, R"(
host: 127.0.0.1
seed: 42
instruments:
  meter:
    type: dmm
    identity: {manufacturer: Keysight Technologies, model: 34465A, serial: MY1, firmware: A.1}
    settings: {dc_voltage: 3.3, resistance: 4700}
  supply:
    type: psu
    port: 0
    settings:
      outputs:
        - {max_voltage: 30, max_current: 3, load_ohms: 10}
        - {max_voltage: 5, max_current: 1}
    faults: {delay_ms: 5, errors: ['-310,"System error"', '-222']}
  scope:
    type: scope
    settings:
      memory_depth: 1000000
      max_points_per_read: 250000
      channels: {ch2: {shape: square, frequency: 50, amplitude: 2, offset: 1, noise: 0.01}}
)"));
  ASSERT_EQ(config.instruments.size(), 3u);
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.find("meter")->model->identity().model, "34465A");
  EXPECT_EQ(config.find("supply")->model->faults().reply_delay, std::chrono::milliseconds(5));

  SimServer sim(std::move(config));
  sim.start();
  testing::ScpiSocket meter(sim.port("meter"));
  EXPECT_EQ(std::stod(meter.query("MEAS:VOLT:DC?")), 3.3);
  EXPECT_EQ(std::stod(meter.query("MEAS:RES?")), 4700);
  testing::ScpiSocket supply(sim.port("supply"));
  EXPECT_EQ(supply.query("SYST:ERR?"), "-310,\"System error\"");
  EXPECT_EQ(supply.query("SYST:ERR?"), "-222,\"Data out of range\"");
  EXPECT_EQ(sim.model<SimPsu>("supply").output(1).load_ohms, 10.0);
  EXPECT_EQ(sim.model<SimPsu>("supply").output(2).max_voltage, 5.0);
  supply.write(":SOUR3:VOLT 1");  // two outputs only
  EXPECT_EQ(supply.query("SYST:ERR?").substr(0, 5), "-114,");
  testing::ScpiSocket scope(sim.port("scope"));
  EXPECT_EQ(scope.query(":ACQ:MDEP?"), "1000000");
}

TEST(SimConfig, RejectsUnknownKeysWithFileLineAndKey) {
  const std::string error = load_error("instruments:\n  meter:\n    type: dmm\n    prot: 5025\n");
  EXPECT_NE(error.find("sim.yaml:4: instruments.meter.prot: unknown key"), std::string::npos) << error;
  const std::string nested = load_error("instruments:\n  meter:\n    type: dmm\n    settings: {dc_volts: 1}\n");
  EXPECT_NE(nested.find("sim.yaml:4: instruments.meter.settings.dc_volts: unknown key"), std::string::npos)
      << nested;
  EXPECT_NE(load_error("seed: 1\nhots: x\ninstruments: {a: {type: dmm}}\n").find("sim.yaml:2: hots"),
            std::string::npos);
}

TEST(SimConfig, RejectsBadValues) {
  EXPECT_NE(load_error("instruments: {a: {type: oscilloscope}}\n").find("instruments.a.type: unknown type"),
            std::string::npos);
  EXPECT_NE(load_error("instruments: {a: {type: dmm, port: 70000}}\n").find("instruments.a.port"),
            std::string::npos);
  EXPECT_NE(load_error("instruments: {a: {type: dmm, faults: {errors: ['oops']}}}\n").find("faults.errors[0]"),
            std::string::npos);
  EXPECT_NE(load_error("instruments: {a: {type: scope, settings: {channels: {ch1: {shape: saw}}}}}\n")
                .find("unknown shape 'saw'"),
            std::string::npos);
  EXPECT_NE(load_error("host: 127.0.0.1\n").find("missing key 'instruments'"), std::string::npos);
}

TEST(SimConfig, SeedsEachInstrumentReproducibly) {
  auto readings = [] {
    TempDir dir;
    SimServer sim(load_sim_config(write_file(dir, "seed: 5\nnoise: 0.01\ninstruments: {d: {type: dmm}}\n")));
    sim.start();
    testing::ScpiSocket dmm(sim.port("d"));
    return dmm.query("MEAS:VOLT?;MEAS:VOLT?;MEAS:VOLT?");
  };
  const std::string first = readings();
  EXPECT_EQ(first, readings());
  EXPECT_NE(first, "+1.00000000E+00;+1.00000000E+00;+1.00000000E+00");
}

}  // namespace
}  // namespace litmus::sim
