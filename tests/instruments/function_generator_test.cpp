// The function generator: every setting an instrument.set naming its
// output, channels checked, every output off at the session's end.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_function_generator.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using FunctionGeneratorTest = testing::InstrumentTest;

TEST_F(FunctionGeneratorTest, SettingsAreRecordedPerOutputAndEveryOutputIsMadeSafe) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& fgen = station.instrument<FunctionGenerator>("fgen");
  EXPECT_EQ(fgen.channel_count(), 2);
  fgen.set_shape(WaveShape::square, 2);
  fgen.set_frequency(1e3, 2);
  fgen.set_amplitude(2.0, 2);
  fgen.set_offset(-0.5, 2);
  fgen.enable_output(2);
  fgen.enable_output();
  const auto& mock = dynamic_cast<MockFunctionGenerator&>(fgen.driver());
  EXPECT_EQ(mock.channel(2).shape, WaveShape::square);
  EXPECT_EQ(mock.channel(2).offset, -0.5);
  EXPECT_TRUE(mock.channel(2).output);
  station.stop();
  EXPECT_FALSE(mock.channel(1).output);
  EXPECT_FALSE(mock.channel(2).output);
  const std::vector<json> expected = {
      {{"method", "set_shape"}, {"setting", "shape"}, {"value", "square"}, {"units", ""}, {"output", 2}},
      {{"method", "set_frequency"}, {"setting", "frequency"}, {"value", 1e3}, {"units", "Hz"}, {"output", 2}},
      {{"method", "set_amplitude"}, {"setting", "amplitude"}, {"value", 2.0}, {"units", "Vpp"}, {"output", 2}},
      {{"method", "set_offset"}, {"setting", "offset"}, {"value", -0.5}, {"units", "V"}, {"output", 2}},
      {{"method", "enable_output"}, {"setting", "output"}, {"value", true}, {"units", ""}, {"output", 2}},
      {{"method", "enable_output"}, {"setting", "output"}, {"value", true}, {"units", ""}, {"output", 1}},
      {{"method", "disable_output"}, {"setting", "output"}, {"value", false}, {"units", ""}, {"output", 1}},
      {{"method", "disable_output"}, {"setting", "output"}, {"value", false}, {"units", ""}, {"output", 2}},
  };
  EXPECT_EQ(payloads(id, "instrument.set", "fgen"), expected);
}

TEST_F(FunctionGeneratorTest, BadArgumentsAreRefused) {
  auto station = connect("bench_1", options());
  auto& fgen = station.instrument<FunctionGenerator>("fgen");
  testing::expect_refused([&] { fgen.set_frequency(0); },
                          "fgen (set_frequency): expected a finite, positive value in Hz");
  testing::expect_refused([&] { fgen.set_amplitude(-1); }, "fgen (set_amplitude)");
  testing::expect_refused([&] { fgen.set_offset(std::nan("")); }, "fgen (set_offset): expected a finite value in V");
  testing::expect_refused([&] { fgen.enable_output(3); }, "fgen (enable_output): channel 3 does not exist");
  testing::expect_refused([&] { fgen.set_shape(WaveShape::sine, 0); }, "fgen (set_shape): channel 0");
}

TEST_F(FunctionGeneratorTest, MockConfigOfASetterOnlyTypeIsRefused) {
  write_station("id: bench_1\ninstruments:\n  fgen:\n    type: fgen\n    mock_config:\n      set_frequency: 1\n");
  try {
    connect("bench_1", options());
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("setters are not mockable"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace litmus
