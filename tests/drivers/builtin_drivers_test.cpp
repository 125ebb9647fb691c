// The built-in drivers as a station finds them: by type and name in the
// registry, each building its instrument class around a working driver.
#include <gtest/gtest.h>

#include <algorithm>
#include <litmus/event_log.hpp>

#include "drivers/sim_connection.hpp"
#include "instruments/driver_registry_lookup.hpp"
#include "sim/sim_psu.hpp"
#include "support/temp_dir.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

bool registered(const std::string& type, const std::string& name) {
  const auto drivers = registered_drivers();
  return std::any_of(drivers.begin(), drivers.end(), [&](const DriverInfo& info) {
    return info.type == type && info.name == name && info.builtin && !info.description.empty();
  });
}

TEST(BuiltinDrivers, EveryTypeHasAGenericScpiDriver) {
  for (const char* type : {"dmm", "psu", "scope", "eload", "fgen", "smu", "switch"}) {
    EXPECT_TRUE(registered(type, "scpi")) << type;
  }
}

TEST(BuiltinDrivers, ModelDriversServeTheirType) {
  EXPECT_TRUE(registered("dmm", "keysight_344xx"));
  EXPECT_TRUE(registered("psu", "rigol_dp800"));
  EXPECT_TRUE(registered("scope", "rigol_ds1000z"));
  EXPECT_EQ(find_driver("dmm", "rigol_dp800"), nullptr);
}

TEST(BuiltinDrivers, MakerBuildsTheInstrumentAroundTheDriver) {
  SimConnection sim("psu");
  sim.model<sim::SimPsu>().set_load(1, 50.0);
  const InstrumentMaker* maker = find_driver("psu", "rigol_dp800");
  ASSERT_NE(maker, nullptr);
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
  InstrumentBinding binding{log.get(), nullptr, "psu", "psu", sim.resource(), false, "rigol_dp800"};
  DriverContext ctx = sim.context();
  std::unique_ptr<Instrument> instrument = (*maker)(std::move(binding), ctx);
  auto& psu = dynamic_cast<Psu&>(*instrument);
  EXPECT_EQ(psu.output_count(), 3);
  psu.set_voltage(5.0);
  psu.set_current_limit(1.0);
  psu.enable_output();
  EXPECT_NEAR(psu.measure_current(), 0.1, 1e-9);
  psu.make_safe();
  for (int output = 1; output <= 3; ++output) EXPECT_FALSE(sim.model<sim::SimPsu>().output(output).on);
}

}  // namespace
}  // namespace litmus::drivers
