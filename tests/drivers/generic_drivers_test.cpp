// The generic drivers of the simpler instruments against their simulated
// models: each setting lands in the model, each reading follows it.
#include <gtest/gtest.h>

#include "drivers/scpi_eload.hpp"
#include "drivers/scpi_fgen.hpp"
#include "drivers/scpi_smu.hpp"
#include "drivers/scpi_switch.hpp"
#include "drivers/sim_connection.hpp"
#include "sim/sim_eload.hpp"
#include "sim/sim_fgen.hpp"
#include "sim/sim_smu.hpp"
#include "sim/sim_switch.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

TEST(ScpiELoad, EachModeDrawsWhatItRegulates) {
  SimConnection sim("eload");
  sim.model<sim::SimELoad>().set_source(12.0, 0.0);  // a stiff 12 V source
  auto load = sim.driver<ScpiELoad>();
  load->set_mode(LoadMode::constant_current);
  load->set_level(LoadMode::constant_current, 2.5);
  EXPECT_NEAR(load->measure_current(), 0.0, 1e-12);  // input still off
  load->set_input(true);
  EXPECT_NEAR(load->measure_current(), 2.5, 1e-9);
  EXPECT_NEAR(load->measure_voltage(), 12.0, 1e-9);
  EXPECT_NEAR(load->measure_power(), 30.0, 1e-9);

  load->set_level(LoadMode::constant_resistance, 6.0);
  load->set_mode(LoadMode::constant_resistance);
  EXPECT_NEAR(load->measure_current(), 2.0, 1e-9);

  load->set_level(LoadMode::constant_power, 6.0);
  load->set_mode(LoadMode::constant_power);
  EXPECT_NEAR(load->measure_current(), 0.5, 1e-9);
  EXPECT_EQ(sim.io().query("FUNC?"), "POW");

  load->set_mode(LoadMode::constant_voltage);
  EXPECT_EQ(sim.io().query("FUNC?"), "VOLT");
  load->set_input(false);
  EXPECT_NEAR(load->measure_current(), 0.0, 1e-12);
}

TEST(ScpiELoad, LevelOutOfRangeIsAScpiError) {
  SimConnection sim("eload");
  auto load = sim.driver<ScpiELoad>();
  EXPECT_THROW(load->set_level(LoadMode::constant_current, 1000.0), ScpiError);
}

TEST(ScpiFunctionGenerator, SetsTheAddressedChannel) {
  SimConnection sim("fgen");
  sim.set_channels({"stimulus", "clock"});
  auto fgen = sim.driver<ScpiFunctionGenerator>();
  EXPECT_EQ(fgen->channel_count(), 2);
  fgen->set_shape(2, WaveShape::square);
  fgen->set_frequency(2, 12345.678);
  fgen->set_amplitude(2, 3.3);
  fgen->set_offset(2, -0.5);
  fgen->set_output(2, true);
  const sim::FgenChannel ch2 = sim.model<sim::SimFgen>().channel(2);
  EXPECT_EQ(ch2.shape, 1u);  // SQU
  EXPECT_DOUBLE_EQ(ch2.frequency, 12345.678);
  EXPECT_DOUBLE_EQ(ch2.amplitude, 3.3);
  EXPECT_DOUBLE_EQ(ch2.offset, -0.5);
  EXPECT_TRUE(ch2.output);
  EXPECT_FALSE(sim.model<sim::SimFgen>().channel(1).output);

  const WaveShape shapes[] = {WaveShape::sine, WaveShape::square, WaveShape::ramp,
                              WaveShape::pulse, WaveShape::noise, WaveShape::dc};
  for (std::size_t i = 0; i < std::size(shapes); ++i) {
    fgen->set_shape(1, shapes[i]);
    EXPECT_EQ(sim.model<sim::SimFgen>().channel(1).shape, i) << to_string(shapes[i]);
  }
}

TEST(ScpiFunctionGenerator, HasOneChannelWithoutChannels) {
  SimConnection sim("fgen");
  EXPECT_EQ(sim.driver<ScpiFunctionGenerator>()->channel_count(), 1);
}

TEST(ScpiSmu, SourcesAndMeasuresWithinCompliance) {
  SimConnection sim("smu");
  sim.model<sim::SimSmu>().set_load(1000.0);
  auto smu = sim.driver<ScpiSmu>();
  smu->set_current_compliance(0.01);
  smu->source_voltage(5.0);
  smu->set_output(true);
  EXPECT_NEAR(smu->measure_voltage(), 5.0, 1e-9);
  EXPECT_NEAR(smu->measure_current(), 0.005, 1e-12);
  smu->source_voltage(20.0);  // 20 mA wanted, 10 mA allowed
  EXPECT_NEAR(smu->measure_current(), 0.01, 1e-12);

  smu->set_voltage_compliance(2.0);
  smu->source_current(0.001);
  EXPECT_EQ(sim.io().query("SOUR:FUNC?"), "CURR");
  EXPECT_NEAR(smu->measure_voltage(), 1.0, 1e-9);
  smu->source_current(0.005);  // 5 V wanted, 2 V allowed
  EXPECT_NEAR(smu->measure_voltage(), 2.0, 1e-9);
  smu->set_output(false);
  EXPECT_NEAR(smu->measure_current(), 0.0, 1e-12);
}

TEST(ScpiSwitch, ClosesOpensAndReportsRoutes) {
  SimConnection sim("switch");
  auto sw = sim.driver<ScpiSwitch>();
  sw->close("101");
  sw->close("205");
  EXPECT_TRUE(sim.model<sim::SimSwitch>().is_closed(101));
  EXPECT_TRUE(sw->is_closed("101"));
  EXPECT_TRUE(sw->is_closed("205"));
  EXPECT_FALSE(sw->is_closed("102"));
  sw->open("101");
  EXPECT_FALSE(sw->is_closed("101"));
  sw->open_all();
  EXPECT_FALSE(sw->is_closed("205"));
  EXPECT_FALSE(sim.model<sim::SimSwitch>().is_closed(205));
}

TEST(ScpiSwitch, RouteTheSwitchDoesNotHaveIsAScpiError) {
  SimConnection sim("switch");
  auto sw = sim.driver<ScpiSwitch>();
  EXPECT_THROW(sw->close("0"), ScpiError);
}

}  // namespace
}  // namespace litmus::drivers
