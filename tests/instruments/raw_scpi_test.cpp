// Raw SCPI on any instrument, in mock mode: writes accepted, queries
// answered from mock_config's `query:` entry and the identity, every call
// recorded, an unanswered query an errored read naming the command.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <litmus/version.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_instrument.hpp"
#include "instruments/recording_log.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using RawScpiTest = testing::InstrumentTest;

TEST_F(RawScpiTest, WritesAndQueriesAreAnsweredAndRecorded) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dmm = station.instrument<Dmm>("dmm");
  dmm.write("*RST");
  EXPECT_EQ(dmm.query("*IDN?"), "Litmus,Mock dmm,dmm," + std::string(version()));
  EXPECT_EQ(dmm.query("MEAS:VOLT?"), "1.234");
  EXPECT_EQ(dmm.query("READ?"), "1.5");
  EXPECT_EQ(dmm.query("READ?"), "2.5");
  EXPECT_EQ(dmm.query("SYST:ERR?"), "0,\"No error\"");
  dmm.write("MEAS:VOLT?");
  EXPECT_EQ(dmm.read(), "1.234");
  dmm.write("DATA?");
  EXPECT_EQ(dmm.read_block(), "hello");
  station.stop();
  EXPECT_EQ(payloads(id, "instrument.configure", "dmm"),
            (std::vector<json>{{{"method", "write"}, {"command", "*RST"}},
                               {{"method", "write"}, {"command", "MEAS:VOLT?"}},
                               {{"method", "write"}, {"command", "DATA?"}}}));
  auto reads = payloads(id, "instrument.read", "dmm");
  ASSERT_EQ(reads.size(), 7u);
  EXPECT_EQ(reads[1], json({{"method", "query"}, {"command", "MEAS:VOLT?"}, {"reply", "1.234"}}));
  EXPECT_EQ(reads[5], json({{"method", "read"}, {"reply", "1.234"}}));
  EXPECT_EQ(reads[6], json({{"method", "read_block"}, {"reply_bytes", 5}}));
}

TEST_F(RawScpiTest, AnUnconfiguredQueryIsAnErroredReadNamingRoleResourceAndCommand) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& dmm = station.instrument<Dmm>("dmm");
  try {
    dmm.query("MEAS:CURR?");
    FAIL();
  } catch (const InstrumentError& e) {
    const std::string message = e.what();
    for (const char* part : {"dmm (query \"MEAS:CURR?\" on mock)", "no mock_config query entry for 'MEAS:CURR?'"}) {
      EXPECT_NE(message.find(part), std::string::npos) << part << " not in: " << message;
    }
  }
  EXPECT_EQ(dmm.query("MEAS:VOLT?"), "1.234");  // the connection is still usable
  station.stop(Outcome::errored);
  auto reads = payloads(id, "instrument.read", "dmm");
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[0]["command"], "MEAS:CURR?");
  EXPECT_TRUE(reads[0].contains("error"));
  EXPECT_FALSE(reads[0].contains("reply"));
}

TEST_F(RawScpiTest, AQueryEntryThatIsNotAMappingIsAStationFileError) {
  write_station("id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock_config:\n      query: 1.5\n");
  try {
    connect("bench_1", options());
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("mock_config.query"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("mapping from command to reply"), std::string::npos) << e.what();
  }
}

TEST(MockIdentity, IdnAnswersFromTheAssetIdentityFillingWhatItLacks) {
  testing::RecordingLog log;
  InstrumentBinding binding = log.binding("meter", "dmm");
  binding.identity = {.manufacturer = "Keysight Technologies", .model = "34465A", .serial = "MY5400123"};
  config::InstrumentConfig config{.role = "meter", .type = "dmm"};
  auto meter = make_mock_instrument(config, std::move(binding));
  ASSERT_TRUE(meter);
  EXPECT_EQ(meter->driver_name(), "mock");
  EXPECT_EQ(meter->query("*IDN?"), "Keysight Technologies,34465A,MY5400123," + std::string(version()));
  EXPECT_EQ(meter->connection().identify().model, "34465A");
}

}  // namespace
}  // namespace litmus
