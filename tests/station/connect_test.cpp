// litmus::connect() end to end on a mock station into a temp data dir.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "config/write_file.hpp"
#include "store/channel_store.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

constexpr const char* kStation = R"(id: bench_1
instruments:
  dmm:
    type: dmm
    resource: TCPIP::192.0.2.1::5025::SOCKET
    mock_config:
      measure_voltage: [3.3, 3.4]
  scope:
    type: scope
    mock_config:
      read_waveform: {sine: {freq: 1000, amplitude: 1, points: 1000, seed: 3}}
)";

class ConnectTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::write_file(project_ / "stations/bench_1.yaml", kStation); }
  ConnectOptions options(bool mock = true) {
    return {.mock = mock, .data_dir = data_.path(), .project_dir = project_.path(), .operator_name = "ann",
            .dut_serial = "SN42"};
  }
  std::unique_ptr<store::EventStore> store() { return store::EventStore::open(data_.path()); }
  testing::TempDir project_;
  testing::TempDir data_;
};

TEST_F(ConnectTest, TutorialFlowRecordsEverything) {
  std::string session_id;
  {
    auto station = connect("bench_1", options());
    session_id = station.session_id();
    auto& dmm = station.instrument<Dmm>("dmm");
    EXPECT_EQ(dmm.measure_voltage(), 3.3);
    EXPECT_EQ(dmm.measure_voltage(), 3.4);
    auto waveform = station.instrument<Scope>("scope").read_waveform("ch1");
    EXPECT_EQ(waveform.samples.size(), 1000u);
    EXPECT_EQ(waveform.ref, "channel://scope.ch1/" + session_id + "/6");
  }
  auto s = store();
  auto session = s->session(session_id);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->station, "bench_1");
  EXPECT_EQ(session->operator_name, "ann");
  EXPECT_EQ(session->dut_serial, "SN42");
  EXPECT_TRUE(session->mocked);
  EXPECT_EQ(session->outcome, "passed");
  std::vector<std::string> types;
  for (const auto& e : s->events({.session_id = session_id, .limit = 100})) types.push_back(e.event.type);
  EXPECT_EQ(types, (std::vector<std::string>{"session.started", "instrument.connected", "instrument.connected",
                                             "instrument.read", "instrument.read", "instrument.read",
                                             "instrument.disconnected", "instrument.disconnected", "session.ended"}));
  auto reads = s->events({.session_id = session_id, .type = "instrument.read"});
  auto first = nlohmann::json::parse(reads[0].event.payload);
  EXPECT_EQ(first["channel"], "dmm.voltage");
  EXPECT_EQ(first["value"], 3.3);
  EXPECT_EQ(first["units"], "V");
  EXPECT_EQ(reads[0].event.role, "dmm");
  auto wave = nlohmann::json::parse(reads[2].event.payload);
  EXPECT_EQ(wave["value"]["length"], 1000);
  store::ChannelStore channels(*s);
  auto data = channels.query("scope.ch1", {.max_points = 500});
  ASSERT_TRUE(data);
  ASSERT_EQ(data->arrays.size(), 1u);
  EXPECT_EQ(data->arrays[0].y.size(), 500u);
}

TEST_F(ConnectTest, ExceptionEndsTheSessionErrored) {
  std::string session_id;
  try {
    auto station = connect("bench_1", options());
    session_id = station.session_id();
    throw std::runtime_error("test code failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(store()->session(session_id)->outcome, "errored");
}

TEST_F(ConnectTest, UnconfiguredMockMethodIsAnErroredReadThatSaysWhy) {
  auto station = connect("bench_1", options());
  EXPECT_THROW(station.instrument<Dmm>("dmm").measure_current(), InstrumentError);
  const std::string id = station.session_id();
  station.stop(Outcome::errored);
  auto reads = store()->events({.session_id = id, .type = "instrument.read"});
  ASSERT_EQ(reads.size(), 1u);
  auto payload = nlohmann::json::parse(reads[0].event.payload);
  EXPECT_NE(payload["error"].get<std::string>().find("no mock_config entry for measure_current"), std::string::npos);
  EXPECT_FALSE(payload.contains("value"));
}

TEST_F(ConnectTest, WrongTypeAndUnknownRoleAreClearErrors) {
  auto station = connect("bench_1", options());
  EXPECT_THROW(station.instrument<Scope>("dmm"), Error);
  try {
    station.instrument<Dmm>("psu");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("roles: dmm, scope"), std::string::npos) << e.what();
  }
}

// Nothing listens on the dmm's resource (a port on loopback that refuses):
// connecting fails naming the station entry and the resource, and the
// session still ends, errored.
TEST_F(ConnectTest, UnreachableInstrumentIsAClearErrorAndTheSessionEnds) {
  testing::write_file(project_ / "stations/bench_1.yaml", R"(id: bench_1
instruments:
  dmm:
    type: dmm
    resource: TCPIP::127.0.0.1::1::SOCKET
)");
  ConnectOptions real = options(/*mock=*/false);
  real.io_timeout = std::chrono::milliseconds(500);
  ::setenv("LITMUS_LOCK_DIR", (data_.path() / "locks").c_str(), 1);
  try {
    connect("bench_1", real);
    FAIL();
  } catch (const InstrumentError& e) {
    EXPECT_NE(std::string(e.what()).find("instruments.dmm"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("TCPIP::127.0.0.1::1::SOCKET"), std::string::npos) << e.what();
  }
  ::unsetenv("LITMUS_LOCK_DIR");
  auto sessions = store()->sessions(10);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].outcome, "errored");
}

TEST_F(ConnectTest, StopIsFinal) {
  auto station = connect("bench_1", options());
  station.stop(Outcome::terminated);
  station.stop(Outcome::passed);
  EXPECT_TRUE(station.stopped());
  EXPECT_THROW(station.instrument<Dmm>("dmm"), Error);
}

}  // namespace
}  // namespace litmus
