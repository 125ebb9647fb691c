// The DMM: every measurement on its channel with its units, range and
// NPLC as instrument.configure events, bad arguments refused.
#include <gtest/gtest.h>

#include <limits>
#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_dmm.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using DmmTest = testing::InstrumentTest;

TEST_F(DmmTest, EveryMeasurementIsAReadOnItsChannelWithUnits) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dmm = station.instrument<Dmm>("dmm");
  EXPECT_EQ(dmm.measure_voltage(), 3.3);
  EXPECT_EQ(dmm.measure_dc_voltage(), 3.3);  // falls back to measure_voltage's entry
  EXPECT_EQ(dmm.measure_ac_voltage(), 0.5);
  EXPECT_EQ(dmm.measure_current(), 0.1);
  EXPECT_EQ(dmm.measure_current(), 0.2);
  EXPECT_EQ(dmm.measure_ac_current(), 0.01);
  EXPECT_EQ(dmm.measure_resistance(), 4700);
  EXPECT_EQ(dmm.measure_frequency(), 1000);
  station.stop();
  std::vector<std::string> got;
  for (const auto& read : payloads(id, "instrument.read", "dmm")) {
    got.push_back(read["method"].get<std::string>() + " " + read["channel"].get<std::string>() + " " +
                  read["units"].get<std::string>());
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"measure_voltage dmm.voltage V", "measure_dc_voltage dmm.voltage V",
                                      "measure_ac_voltage dmm.ac_voltage V", "measure_current dmm.current A",
                                      "measure_current dmm.current A", "measure_ac_current dmm.ac_current A",
                                      "measure_resistance dmm.resistance Ohm", "measure_frequency dmm.frequency Hz"}));
}

TEST_F(DmmTest, RangeAndNplcAreConfigureEvents) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dmm = station.instrument<Dmm>("dmm");
  dmm.set_range(DmmFunction::dc_voltage, 10);
  dmm.set_autorange(DmmFunction::resistance);
  dmm.set_nplc(DmmFunction::dc_voltage, 10);
  const auto& mock = dynamic_cast<MockDmm&>(dmm.driver()).settings();
  EXPECT_EQ(mock.ranges.at(DmmFunction::dc_voltage), 10.0);
  EXPECT_EQ(mock.ranges.at(DmmFunction::resistance), std::nullopt);
  EXPECT_EQ(mock.nplc.at(DmmFunction::dc_voltage), 10.0);
  station.stop();
  const std::vector<json> expected = {
      {{"method", "set_range"}, {"function", "dc_voltage"}, {"range", 10.0}, {"units", "V"}},
      {{"method", "set_autorange"}, {"function", "resistance"}, {"range", "auto"}},
      {{"method", "set_nplc"}, {"function", "dc_voltage"}, {"nplc", 10.0}},
  };
  EXPECT_EQ(payloads(id, "instrument.configure", "dmm"), expected);
}

TEST_F(DmmTest, BadRangesAndNplcAreRefused) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dmm = station.instrument<Dmm>("dmm");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (double bad : {0.0, -1.0, nan}) {
    testing::expect_refused([&] { dmm.set_range(DmmFunction::dc_current, bad); },
                            "dmm (set_range): expected a finite, positive value in A");
    testing::expect_refused([&] { dmm.set_nplc(DmmFunction::dc_voltage, bad); }, "dmm (set_nplc)");
  }
  station.stop();
  EXPECT_TRUE(payloads(id, "instrument.configure", "dmm").empty());
}

}  // namespace
}  // namespace litmus
