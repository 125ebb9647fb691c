// The power supply: recorded setters and reads through a mock station,
// argument checks, and a driver failure recorded as an errored set.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "instruments/mock/mock_psu.hpp"
#include "instruments/recording_log.hpp"
#include "station/station_fixture.hpp"

namespace litmus {
namespace {

using nlohmann::json;

constexpr const char* kStation = R"(id: bench_1
instruments:
  psu:
    type: psu
    mock_config:
      measure_voltage: 5.0
)";

class PsuTest : public testing::StationFixture {
 protected:
  void SetUp() override { write_station(kStation); }
};

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
  auto sets = events(id, "instrument.set");
  // The last one is the session end making the supply safe.
  ASSERT_EQ(sets.size(), 4u);
  const json expected[] = {
      {{"method", "set_voltage"}, {"setting", "voltage"}, {"value", 5.0}, {"units", "V"}},
      {{"method", "set_current_limit"}, {"setting", "current_limit"}, {"value", 0.5}, {"units", "A"}},
      {{"method", "enable_output"}, {"setting", "output"}, {"value", true}, {"units", ""}},
      {{"method", "disable_output"}, {"setting", "output"}, {"value", false}, {"units", ""}},
  };
  for (std::size_t i = 0; i < sets.size(); ++i) {
    json payload = json::parse(sets[i].event.payload);
    EXPECT_EQ(sets[i].event.role, "psu");
    ASSERT_TRUE(payload.contains("duration_ns")) << payload;
    payload.erase("duration_ns");
    EXPECT_EQ(payload, expected[i]);
  }
  auto reads = events(id, "instrument.read");
  ASSERT_EQ(reads.size(), 1u);
  const json read = json::parse(reads[0].event.payload);
  EXPECT_EQ(read["channel"], "psu.voltage");
  EXPECT_EQ(read["value"], 5.0);
  EXPECT_EQ(read["units"], "V");
}

TEST_F(PsuTest, BadSetpointsAreRefusedBeforeTheDriverAndNamed) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& psu = station.instrument<Psu>("psu");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {-1.0, nan, inf, -inf}) {
    try {
      psu.set_voltage(bad);
      FAIL() << bad;
    } catch (const InstrumentError&) {
      FAIL() << "a bad argument is not an instrument failure";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("psu (set_voltage)"), std::string::npos) << e.what();
    }
  }
  try {
    psu.set_current_limit(-0.1);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("psu (set_current_limit)"), std::string::npos) << e.what();
  }
  psu.set_voltage(0.0);  // zero is a valid setpoint
  station.stop();
  auto sets = events(id, "instrument.set");
  ASSERT_EQ(sets.size(), 2u);  // set_voltage(0) and the session end's disable_output
  EXPECT_EQ(json::parse(sets[0].event.payload)["value"], 0.0);
}

TEST_F(PsuTest, UnconfiguredMeasurementIsAnErroredRead) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  EXPECT_THROW(station.instrument<Psu>("psu").measure_current(), InstrumentError);
  station.stop(Outcome::errored);
  auto reads = events(id, "instrument.read");
  ASSERT_EQ(reads.size(), 1u);
  const json payload = json::parse(reads[0].event.payload);
  EXPECT_EQ(payload["channel"], "psu.current");
  EXPECT_NE(payload["error"].get<std::string>().find("no mock_config entry for measure_current"), std::string::npos);
  EXPECT_FALSE(payload.contains("value"));
}

TEST_F(PsuTest, SetterInMockConfigIsAStationFileErrorThatSaysSo) {
  write_station("id: bench_1\ninstruments:\n  psu:\n    type: psu\n    mock_config:\n      measure_voltage: 5.0\n"
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
  psu.set_voltage(12.0);
  psu.set_current_limit(1.5);
  psu.set_output(true);
  EXPECT_EQ(psu.setpoints().voltage, 12.0);
  EXPECT_EQ(psu.setpoints().current_limit, 1.5);
  EXPECT_TRUE(psu.setpoints().output);
}

// A supply that refuses every setting, as one in remote-lockout would.
class RefusingDriver : public PsuDriver {
 public:
  void set_voltage(double) override { throw std::runtime_error("remote control locked out"); }
  void set_current_limit(double) override { throw std::runtime_error("remote control locked out"); }
  void set_output(bool) override { throw std::runtime_error("remote control locked out"); }
  double measure_voltage() override { return 0; }
  double measure_current() override { return 0; }
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

}  // namespace
}  // namespace litmus
