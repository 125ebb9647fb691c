// The power supply drivers against the simulated DP832: setpoints reach
// the addressed output, readings follow the load model (V/R below the
// limit, the limit once it regulates current).
#include <gtest/gtest.h>

#include "drivers/rigol_dp800.hpp"
#include "drivers/scpi_psu.hpp"
#include "drivers/sim_connection.hpp"
#include "sim/sim_psu.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

TEST(RigolDp800, SetsEachOutputAndReadsTheLoadModel) {
  SimConnection sim("psu");
  sim.model<sim::SimPsu>().set_load(2, 10.0);
  auto psu = sim.driver<RigolDp800>();
  EXPECT_EQ(psu->output_count(), 3);
  psu->set_voltage(2, 5.25);
  psu->set_current_limit(2, 1.0);
  psu->set_output(2, true);
  const sim::PsuOutput out = sim.model<sim::SimPsu>().output(2);
  EXPECT_DOUBLE_EQ(out.voltage, 5.25);
  EXPECT_DOUBLE_EQ(out.current_limit, 1.0);
  EXPECT_TRUE(out.on);
  EXPECT_FALSE(sim.model<sim::SimPsu>().output(1).on);
  EXPECT_NEAR(psu->measure_voltage(2), 5.25, 1e-9);
  EXPECT_NEAR(psu->measure_current(2), 0.525, 1e-9);
  psu->set_output(2, false);
  EXPECT_FALSE(sim.model<sim::SimPsu>().output(2).on);
}

TEST(RigolDp800, CurrentLimitHoldsTheOutputInConstantCurrent) {
  SimConnection sim("psu");
  sim.model<sim::SimPsu>().set_load(1, 10.0);
  auto psu = sim.driver<RigolDp800>();
  psu->set_voltage(1, 12.0);
  psu->set_current_limit(1, 0.5);
  psu->set_output(1, true);
  EXPECT_NEAR(psu->measure_current(1), 0.5, 1e-9);
  EXPECT_NEAR(psu->measure_voltage(1), 5.0, 1e-9);
}

TEST(RigolDp800, SetpointsKeepFullPrecision) {
  SimConnection sim("psu");
  auto psu = sim.driver<RigolDp800>();
  psu->set_voltage(3, 3.3000001);
  EXPECT_DOUBLE_EQ(sim.model<sim::SimPsu>().output(3).voltage, 3.3000001);
}

TEST(ScpiPsu, SelectsTheOutputWhenTheStationListsSeveral) {
  SimConnection sim("psu");
  sim.set_channels({"main", "aux"});
  sim.model<sim::SimPsu>().set_load(2, 20.0);
  auto psu = sim.driver<ScpiPsu>();
  EXPECT_EQ(psu->output_count(), 2);
  psu->set_voltage(2, 4.0);
  psu->set_current_limit(2, 2.0);
  psu->set_output(2, true);
  psu->set_voltage(1, 1.5);
  EXPECT_DOUBLE_EQ(sim.model<sim::SimPsu>().output(2).voltage, 4.0);
  EXPECT_TRUE(sim.model<sim::SimPsu>().output(2).on);
  EXPECT_DOUBLE_EQ(sim.model<sim::SimPsu>().output(1).voltage, 1.5);
  EXPECT_NEAR(psu->measure_current(2), 0.2, 1e-9);
  EXPECT_NEAR(psu->measure_voltage(2), 4.0, 1e-9);
  EXPECT_NEAR(psu->measure_voltage(1), 0.0, 1e-9);
}

TEST(ScpiPsu, HasOneOutputWithoutChannels) {
  SimConnection sim("psu");
  sim.model<sim::SimPsu>().set_load(1, 100.0);
  auto psu = sim.driver<ScpiPsu>();
  EXPECT_EQ(psu->output_count(), 1);
  psu->set_voltage(1, 10.0);
  psu->set_current_limit(1, 1.0);
  psu->set_output(1, true);
  EXPECT_NEAR(psu->measure_current(1), 0.1, 1e-9);
}

}  // namespace
}  // namespace litmus::drivers
