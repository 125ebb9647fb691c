// The power supply: recorded setters and reads through a mock station,
// argument checks, several outputs, and a driver failure recorded as an
// errored set.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_psu.hpp"
#include "instruments/recording_log.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using PsuTest = testing::InstrumentTest;

TEST_F(PsuTest, SettersAreRecordedAsInstrumentSetWithValuesAndUnits) {
  std::string id;
  {
    auto station = connect("bench_1", options());
    id = station.session_id();
    auto& psu = station.instrument<Psu>("psu");
    psu.set_voltage(5.0);
    psu.set_current_limit(0.5);
    psu.enable_output();
    EXPECT_EQ(psu.measure_voltage(), 5.0);
  }
  // The last one is the session end making the supply safe.
  const std::vector<json> expected = {
      {{"method", "set_voltage"}, {"setting", "voltage"}, {"value", 5.0}, {"units", "V"}, {"output", 1}},
      {{"method", "set_current_limit"}, {"setting", "current_limit"}, {"value", 0.5}, {"units", "A"}, {"output", 1}},
      {{"method", "enable_output"}, {"setting", "output"}, {"value", true}, {"units", ""}, {"output", 1}},
      {{"method", "disable_output"}, {"setting", "output"}, {"value", false}, {"units", ""}, {"output", 1}},
  };
  EXPECT_EQ(payloads(id, "instrument.set", "psu"), expected);
  auto reads = payloads(id, "instrument.read", "psu");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0],
            json({{"method", "measure_voltage"}, {"channel", "psu.voltage"}, {"value", 5.0}, {"units", "V"}}));
}

TEST_F(PsuTest, OutputsAfterTheFirstHaveTheirOwnChannelsAndMockValues) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dual = station.instrument<Psu>("dual");
  EXPECT_EQ(dual.output_count(), 2);
  EXPECT_EQ(dual.measure_voltage(1), 12.0);
  EXPECT_EQ(dual.measure_voltage(2), 3.3);
  EXPECT_EQ(dual.measure_current(2), 0.25);
  dual.set_voltage(3.3, 2);
  dual.enable_output(2);
  auto& mock = dynamic_cast<MockPsu&>(dual.driver());
  EXPECT_EQ(mock.setpoints(2).voltage, 3.3);
  EXPECT_TRUE(mock.setpoints(2).output);
  EXPECT_FALSE(mock.setpoints(1).output);
  station.stop();
  EXPECT_FALSE(mock.setpoints(2).output);  // made safe: every output off
  std::vector<std::string> channels;
  for (const auto& read : payloads(id, "instrument.read", "dual")) channels.push_back(read["channel"]);
  EXPECT_EQ(channels, (std::vector<std::string>{"dual.voltage", "dual.ch2.voltage", "dual.ch2.current"}));
}

TEST_F(PsuTest, BadSetpointsAndOutputsAreRefusedBeforeTheDriverAndNamed) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& psu = station.instrument<Psu>("psu");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {-1.0, nan, inf, -inf}) {
    testing::expect_refused([&] { psu.set_voltage(bad); }, "psu (set_voltage): expected a finite, non-negative");
  }
  testing::expect_refused([&] { psu.set_current_limit(-0.1); }, "psu (set_current_limit)");
  testing::expect_refused([&] { psu.enable_output(2); }, "psu (enable_output): output 2 does not exist");
  testing::expect_refused([&] { station.instrument<Psu>("dual").measure_voltage(3); },
                          "dual (measure_voltage): output 3 does not exist; dual has outputs 1 to 2");
  testing::expect_refused([&] { psu.set_voltage(1.0, 0); }, "psu (set_voltage): output 0");
  psu.set_voltage(0.0);  // zero is a valid setpoint
  station.stop();
  auto sets = payloads(id, "instrument.set", "psu");
  ASSERT_EQ(sets.size(), 2u);  // set_voltage(0) and the session end's disable_output
  EXPECT_EQ(sets[0]["value"], 0.0);
  EXPECT_EQ(payloads(id, "instrument.set", "dual").size(), 2u);  // both outputs made safe only
  EXPECT_TRUE(payloads(id, "instrument.read").empty());
}

TEST_F(PsuTest, UnconfiguredMeasurementIsAnErroredRead) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  EXPECT_THROW(station.instrument<Psu>("psu").measure_current(), InstrumentError);
  station.stop(Outcome::errored);
  auto reads = payloads(id, "instrument.read", "psu");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0]["channel"], "psu.current");
  EXPECT_NE(reads[0]["error"].get<std::string>().find("no mock_config entry for measure_current"), std::string::npos);
  EXPECT_FALSE(reads[0].contains("value"));
}

TEST_F(PsuTest, SetterInMockConfigIsAStationFileErrorThatSaysSo) {
  write_station(
      "id: bench_1\ninstruments:\n  psu:\n    type: psu\n    mock_config:\n      measure_voltage: 5.0\n"
      "      set_voltage: 5.0\n");
  try {
    connect("bench_1", options());
    FAIL();
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    for (const char* part : {"bench_1.yaml:7:", "instruments.psu.mock_config.set_voltage", "setters are not mockable",
                             "mockable methods: measure_voltage, measure_current"}) {
      EXPECT_NE(message.find(part), std::string::npos) << part << " not in: " << message;
    }
  }
}

TEST(MockPsu, RemembersWhatItWasTold) {
  MockPsu psu(MockMethods("psu", "psu", json::object()));
  psu.set_voltage(1, 12.0);
  psu.set_current_limit(1, 1.5);
  psu.set_output(1, true);
  EXPECT_EQ(psu.setpoints().voltage, 12.0);
  EXPECT_EQ(psu.setpoints().current_limit, 1.5);
  EXPECT_TRUE(psu.setpoints().output);
}

// A supply that refuses every setting, as one in remote-lockout would.
class RefusingDriver : public PsuDriver {
 public:
  void set_voltage(int, double) override { throw std::runtime_error("remote control locked out"); }
  void set_current_limit(int, double) override { throw std::runtime_error("remote control locked out"); }
  void set_output(int, bool) override { throw std::runtime_error("remote control locked out"); }
  double measure_voltage(int) override { return 0; }
  double measure_current(int) override { return 0; }
  int output_count() const override { return 2; }
};

TEST(PsuDriverFailure, IsAnErroredSetAndAnInstrumentErrorNamingRoleAndMethod) {
  testing::RecordingLog log;
  Psu psu(log.binding("supply", "psu"), std::make_unique<RefusingDriver>());
  try {
    psu.set_voltage(3.3);
    FAIL();
  } catch (const InstrumentError& e) {
    EXPECT_NE(std::string(e.what()).find("supply (set_voltage): remote control locked out"), std::string::npos)
        << e.what();
  }
  auto sets = log.of_type("instrument.set");
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].role, "supply");
  const json payload = json::parse(sets[0].payload);
  EXPECT_EQ(payload["error"], "remote control locked out");
  EXPECT_EQ(payload["value"], 3.3);  // what was asked
  EXPECT_TRUE(payload.contains("duration_ns"));
}

TEST(PsuDriverFailure, MakeSafeStillTriesEveryOutput) {
  testing::RecordingLog log;
  Psu psu(log.binding("supply", "psu"), std::make_unique<RefusingDriver>());
  EXPECT_THROW(psu.make_safe(), InstrumentError);
  auto sets = log.of_type("instrument.set");
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(json::parse(sets[1].payload)["output"], 2);
}

}  // namespace
}  // namespace litmus
