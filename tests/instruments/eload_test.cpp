// The electronic load: setpoints switch the mode first, reads on their
// channels, the input off at the session's end.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_eload.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using ELoadTest = testing::InstrumentTest;

TEST_F(ELoadTest, SetpointsSwitchTheModeOnceAndAreRecorded) {
  std::string id;
  {
    auto station = connect("bench_1", options());
    id = station.session_id();
    auto& load = station.instrument<ELoad>("load");
    load.set_current(1.0);
    load.set_current(2.0);  // already constant current: no mode change
    load.set_power(5.0);
    load.enable_input();
    EXPECT_EQ(load.measure_voltage(), 4.98);
    EXPECT_EQ(load.measure_current(), 1.0);
    EXPECT_EQ(load.measure_power(), 4.98);
    const auto& mock = dynamic_cast<MockELoad&>(load.driver()).settings();
    EXPECT_EQ(mock.mode, LoadMode::constant_power);
    EXPECT_EQ(mock.levels.at(LoadMode::constant_current), 2.0);
    EXPECT_TRUE(mock.input);
  }
  EXPECT_EQ(payloads(id, "instrument.configure", "load"),
            (std::vector<json>{{{"method", "set_mode"}, {"mode", "cc"}}, {{"method", "set_mode"}, {"mode", "cp"}}}));
  const std::vector<json> sets = {
      {{"method", "set_current"}, {"setting", "current"}, {"value", 1.0}, {"units", "A"}},
      {{"method", "set_current"}, {"setting", "current"}, {"value", 2.0}, {"units", "A"}},
      {{"method", "set_power"}, {"setting", "power"}, {"value", 5.0}, {"units", "W"}},
      {{"method", "enable_input"}, {"setting", "input"}, {"value", true}, {"units", ""}},
      {{"method", "disable_input"}, {"setting", "input"}, {"value", false}, {"units", ""}},  // made safe
  };
  EXPECT_EQ(payloads(id, "instrument.set", "load"), sets);
  std::vector<std::string> channels;
  for (const auto& read : payloads(id, "instrument.read", "load"))
    channels.push_back(read["channel"].get<std::string>() + " " + read["units"].get<std::string>());
  EXPECT_EQ(channels, (std::vector<std::string>{"load.voltage V", "load.current A", "load.power W"}));
}

TEST_F(ELoadTest, NegativeSetpointsAreRefusedWithoutChangingTheMode) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& load = station.instrument<ELoad>("load");
  testing::expect_refused([&] { load.set_resistance(-1); },
                          "load (set_resistance): expected a finite, non-negative value in Ohm");
  testing::expect_refused([&] { load.set_voltage(std::nan("")); }, "load (set_voltage)");
  station.stop();
  EXPECT_TRUE(payloads(id, "instrument.configure", "load").empty());
  EXPECT_FALSE(dynamic_cast<MockELoad&>(load.driver()).settings().mode.has_value());
}

}  // namespace
}  // namespace litmus
