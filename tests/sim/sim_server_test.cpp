// The simulator's server: ports, several connections, stopping with
// clients attached, and the injected faults (delay, dropped replies, cut
// connections).

#include <gtest/gtest.h>

#include <chrono>

#include "litmus/error.hpp"
#include "one_instrument.hpp"
#include "scpi_socket.hpp"
#include "sim/sim_server.hpp"

namespace litmus::sim {
namespace {

using namespace std::chrono_literals;
using testing::OneInstrument;
using testing::ScpiSocket;

TEST(SimServer, ServesEachInstrumentOnItsOwnPort) {
  SimConfig config;
  config.add("bench_dmm", "dmm");
  config.add("bench_psu", "psu");
  SimServer sim(std::move(config));
  EXPECT_THROW(sim.port("bench_dmm"), Error);  // not started
  sim.start();
  ASSERT_EQ(sim.endpoints().size(), 2u);
  EXPECT_NE(sim.port("bench_dmm"), sim.port("bench_psu"));
  EXPECT_EQ(sim.resource("bench_psu"), "TCPIP::127.0.0.1::" + std::to_string(sim.port("bench_psu")) + "::SOCKET");
  EXPECT_EQ(sim.endpoint("bench_psu").type, "psu");
  ScpiSocket dmm(sim.port("bench_dmm"));
  ScpiSocket psu(sim.port("bench_psu"));
  EXPECT_EQ(dmm.query("*IDN?").substr(0, 21), "Keysight Technologies");
  EXPECT_EQ(psu.query("*IDN?").substr(0, 18), "RIGOL TECHNOLOGIES");
  EXPECT_THROW(sim.port("nope"), Error);
}

TEST(SimServer, SharesOneInstrumentBetweenConnections) {
  OneInstrument sim("psu");
  ScpiSocket second(sim.server.port("psu"));
  sim.write(":SOUR2:VOLT 4.5");
  ASSERT_EQ(sim.query("*OPC?"), "1");  // done before the other connection asks
  EXPECT_EQ(std::stod(second.query(":SOUR2:VOLT?")), 4.5);
}

TEST(SimServer, AcceptsCarriageReturnsAndIgnoresEmptyLines) {
  OneInstrument sim("dmm");
  sim.write("\r");
  sim.write("*OPC?\r");
  EXPECT_EQ(sim.client->read_line(), "1");
}

TEST(SimServer, ReportsAPortInUse) {
  OneInstrument first("dmm");
  SimConfig config;
  config.add("dmm", "dmm", first.server.port("dmm"));
  SimServer second(std::move(config));
  EXPECT_THROW(second.start(), Error);
}

TEST(SimServer, StopsWithClientsConnected) {
  OneInstrument sim("dmm");
  ScpiSocket idle(sim.server.port("dmm"));
  sim.server.stop();
  EXPECT_FALSE(idle.read_line(2s));
  EXPECT_TRUE(idle.closed());
}

TEST(SimFaults, DelaysReplies) {
  OneInstrument sim("dmm");
  sim.model<SimInstrument>().set_faults({.reply_delay = 300ms});
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(sim.query("*OPC?"), "1");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);
}

TEST(SimFaults, DropsEveryNthReply) {
  OneInstrument sim("dmm");
  sim.model<SimInstrument>().set_faults({.drop_every = 3});
  std::vector<bool> answered;
  for (int i = 0; i < 6; ++i) {
    sim.write("*OPC?");
    answered.push_back(sim.client->read_line(300ms).has_value());
  }
  EXPECT_EQ(answered, (std::vector<bool>{true, true, false, true, true, false}));
}

TEST(SimFaults, ClosesTheConnectionAfterNCommands) {
  OneInstrument sim("dmm");
  sim.model<SimInstrument>().set_faults({.close_after = 3});
  sim.write("*CLS");
  EXPECT_EQ(sim.query("*OPC?"), "1");
  sim.write("*IDN?");  // the third: answered, then cut
  EXPECT_TRUE(sim.client->read_line().has_value());
  EXPECT_FALSE(sim.client->read_line(2s).has_value());
  EXPECT_TRUE(sim.client->closed());
  ScpiSocket again(sim.server.port("dmm"));  // a new connection counts afresh
  EXPECT_EQ(again.query("*OPC?"), "1");
}

TEST(SimFaults, DropsRandomlyButReproducibly) {
  auto pattern = [](std::uint64_t seed) {
    OneInstrument sim("dmm", seed);
    sim.model<SimInstrument>().set_faults({.drop_probability = 0.5});
    std::string answered;
    for (int i = 0; i < 16; ++i) {
      sim.write("*OPC?");
      answered += sim.client->read_line(200ms) ? '1' : '0';
    }
    return answered;
  };
  const std::string first = pattern(11);
  EXPECT_EQ(first, pattern(11));
  EXPECT_NE(first.find('0'), std::string::npos);
  EXPECT_NE(first.find('1'), std::string::npos);
}

}  // namespace
}  // namespace litmus::sim
