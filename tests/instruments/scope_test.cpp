// The oscilloscope: a waveform read to the channel store, its settings as
// instrument.configure events, bad arguments refused.
#include <gtest/gtest.h>

#include <limits>
#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_scope.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using ScopeTest = testing::InstrumentTest;

TEST_F(ScopeTest, SettingsAreConfigureEventsAndRemembered) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& scope = station.instrument<Scope>("scope");
  scope.set_timebase(1e-3);
  scope.set_vertical_scale("ch1", 0.5);
  scope.enable_channel("ch1");
  scope.disable_channel("ch2");
  scope.set_trigger("ch1", 1.5, TriggerSlope::falling);
  scope.single();
  scope.stop();
  scope.run();
  const Waveform waveform = scope.read_waveform("ch1");
  EXPECT_EQ(waveform.samples.size(), 100u);
  EXPECT_EQ(waveform.channel, "scope.ch1");
  const auto& mock = dynamic_cast<MockScope&>(scope.driver()).settings();
  EXPECT_EQ(mock.seconds_per_division, 1e-3);
  EXPECT_EQ(mock.volts_per_division.at("ch1"), 0.5);
  EXPECT_FALSE(mock.enabled.at("ch2"));
  EXPECT_EQ(mock.trigger_source, "ch1");
  EXPECT_EQ(mock.trigger_slope, TriggerSlope::falling);
  EXPECT_EQ(mock.acquisition, "run");
  station.stop();
  const std::vector<json> expected = {
      {{"method", "set_timebase"}, {"seconds_per_division", 1e-3}},
      {{"method", "set_vertical_scale"}, {"channel", "ch1"}, {"volts_per_division", 0.5}},
      {{"method", "enable_channel"}, {"channel", "ch1"}, {"enabled", true}},
      {{"method", "disable_channel"}, {"channel", "ch2"}, {"enabled", false}},
      {{"method", "set_trigger"}, {"source", "ch1"}, {"level", 1.5}, {"units", "V"}, {"slope", "falling"}},
      {{"method", "single"}},
      {{"method", "stop"}},
      {{"method", "run"}},
  };
  EXPECT_EQ(payloads(id, "instrument.configure", "scope"), expected);
  auto reads = payloads(id, "instrument.read", "scope");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0]["channel"], "scope.ch1");
}

TEST_F(ScopeTest, BadArgumentsAreRefusedAndUnconfiguredChannelsErr) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& scope = station.instrument<Scope>("scope");
  testing::expect_refused([&] { scope.set_timebase(0); }, "scope (set_timebase): expected a finite, positive value");
  testing::expect_refused([&] { scope.set_vertical_scale("", 1); }, "scope (set_vertical_scale): expected a channel");
  testing::expect_refused([&] { scope.set_trigger("ch1", std::numeric_limits<double>::infinity()); },
                          "scope (set_trigger)");
  testing::expect_refused([&] { scope.read_waveform(""); }, "scope (read_waveform)");
  try {
    scope.read_waveform("ch2");
    FAIL();
  } catch (const InstrumentError& e) {
    EXPECT_NE(std::string(e.what()).find("scope.ch2 (read_waveform): mock scope, mock_config read_waveform: no mock "
                                         "value for argument 'ch2'"),
              std::string::npos)
        << e.what();
  }
  station.stop(Outcome::errored);
  EXPECT_TRUE(payloads(id, "instrument.configure", "scope").empty());
  auto reads = payloads(id, "instrument.read", "scope");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_TRUE(reads[0].contains("error"));
}

}  // namespace
}  // namespace litmus
