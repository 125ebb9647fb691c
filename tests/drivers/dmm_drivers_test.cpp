// The DMM drivers against the simulated 34465A: every function reads what
// the meter sees (within its noise), ranges and NPLC reach the meter, and
// a setting it refuses is a ScpiError quoting the queue.
#include <gtest/gtest.h>

#include "drivers/keysight_344xx.hpp"
#include "drivers/scpi_dmm.hpp"
#include "drivers/sim_connection.hpp"
#include "sim/sim_dmm.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

constexpr double kNoise = 1e-4;  // relative SD of the simulated readings

SimConnection noisy_dmm() {
  return SimConnection("dmm", [](sim::SimInstrument& dmm) { dmm.set_noise(kNoise); });
}

void set_values(sim::SimDmm& dmm) {
  dmm.set_value(DmmFunction::dc_voltage, 3.3);
  dmm.set_value(DmmFunction::ac_voltage, 0.707);
  dmm.set_value(DmmFunction::dc_current, 0.012);
  dmm.set_value(DmmFunction::ac_current, 0.004);
  dmm.set_value(DmmFunction::resistance, 4700.0);
  dmm.set_value(DmmFunction::frequency, 50e3);
}

// Six standard deviations: a reading outside is a wrong value, not noise.
void expect_reading(double reading, double value) { EXPECT_NEAR(reading, value, 6 * kNoise * value); }

template <class Driver>
void expect_every_function(SimConnection& sim) {
  set_values(sim.model<sim::SimDmm>());
  auto dmm = sim.driver<Driver>();
  expect_reading(dmm->measure_dc_voltage(), 3.3);
  expect_reading(dmm->measure_ac_voltage(), 0.707);
  expect_reading(dmm->measure_current(), 0.012);
  expect_reading(dmm->measure_ac_current(), 0.004);
  expect_reading(dmm->measure_resistance(), 4700.0);
  expect_reading(dmm->measure_frequency(), 50e3);
  expect_reading(dmm->measure_dc_voltage(), 3.3);  // back to a function configured before
}

TEST(ScpiDmm, ReadsEveryFunction) {
  auto sim = noisy_dmm();
  expect_every_function<ScpiDmm>(sim);
}

TEST(Keysight344xx, ReadsEveryFunction) {
  auto sim = noisy_dmm();
  expect_every_function<Keysight344xx>(sim);
}

TEST(ScpiDmm, RangeAndNplcReachTheMeter) {
  SimConnection sim("dmm");
  auto dmm = sim.driver<ScpiDmm>();
  dmm->set_range(DmmFunction::resistance, 1e4);
  EXPECT_EQ(sim.io().query_number("SENS:RES:RANG?"), 1e4);
  EXPECT_EQ(sim.io().query("SENS:RES:RANG:AUTO?"), "0");
  dmm->set_range(DmmFunction::resistance, std::nullopt);
  EXPECT_EQ(sim.io().query("SENS:RES:RANG:AUTO?"), "1");
  dmm->set_nplc(DmmFunction::dc_voltage, 0.2);
  EXPECT_EQ(sim.io().query_number("SENS:VOLT:DC:NPLC?"), 0.2);
}

TEST(ScpiDmm, RefusedRangeIsAScpiErrorNamingTheCommand) {
  SimConnection sim("dmm");
  auto dmm = sim.driver<ScpiDmm>();
  try {
    dmm->set_range(DmmFunction::dc_voltage, 5000.0);
    FAIL() << "a range beyond 1000 V was accepted";
  } catch (const ScpiError& error) {
    EXPECT_NE(std::string(error.what()).find("SENS:VOLT:DC:RANG 5000"), std::string::npos) << error.what();
    ASSERT_EQ(error.entries().size(), 1u);
    EXPECT_EQ(error.entries()[0].rfind("-222", 0), 0u) << error.entries()[0];
  }
  // The queue was read empty: the meter works on.
  EXPECT_NO_THROW(dmm->measure_dc_voltage());
}

TEST(Keysight344xx, FixedRangeIsKeptAcrossFunctionChanges) {
  SimConnection sim("dmm");
  sim.model<sim::SimDmm>().set_value(DmmFunction::dc_voltage, 5.0);
  auto dmm = sim.driver<Keysight344xx>();
  dmm->set_range(DmmFunction::dc_voltage, 10.0);
  EXPECT_NEAR(dmm->measure_dc_voltage(), 5.0, 1e-9);
  dmm->measure_resistance();
  // CONF:VOLT:DC again: with the 10 V range, not autorange.
  EXPECT_NEAR(dmm->measure_dc_voltage(), 5.0, 1e-9);
  EXPECT_EQ(sim.io().query_number("SENS:VOLT:DC:RANG?"), 10.0);
  // 5 V on the 1 V range overloads; autorange reads it again.
  dmm->set_range(DmmFunction::dc_voltage, 1.0);
  EXPECT_THROW(dmm->measure_dc_voltage(), InstrumentError);
  dmm->set_range(DmmFunction::dc_voltage, std::nullopt);
  EXPECT_NEAR(dmm->measure_dc_voltage(), 5.0, 1e-9);
}

TEST(Keysight344xx, NplcIsSentAgainAfterConf) {
  SimConnection sim("dmm");
  auto dmm = sim.driver<Keysight344xx>();
  dmm->set_nplc(DmmFunction::dc_current, 1.0);
  dmm->measure_current();
  dmm->measure_dc_voltage();
  dmm->measure_current();
  EXPECT_EQ(sim.io().query_number("SENS:CURR:DC:NPLC?"), 1.0);
}

TEST(Keysight344xx, NplcOfAcOrFrequencyIsRefusedWithoutSending) {
  SimConnection sim("dmm");
  auto dmm = sim.driver<Keysight344xx>();
  EXPECT_THROW(dmm->set_nplc(DmmFunction::frequency, 1.0), InstrumentError);
  EXPECT_THROW(dmm->set_nplc(DmmFunction::ac_voltage, 1.0), InstrumentError);
  EXPECT_TRUE(sim.io().read_error_queue().empty());
}

}  // namespace
}  // namespace litmus::drivers
