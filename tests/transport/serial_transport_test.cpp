#include "transport/serial_transport.hpp"

#include <gtest/gtest.h>
#include <termios.h>

#include <thread>

#include "litmus/scpi_connection.hpp"
#include "pseudo_terminal.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;
using testing::PseudoTerminal;

// libserialport cannot describe a pty, so these run the termios path of
// SerialTransport; the libserialport path needs a real port.
class SerialTransportTest : public ::testing::Test {
 protected:
  std::string resource(const std::string& options = "") const {
    return "ASRL" + pty.slave_path() + "::INSTR" + options;
  }
  ScpiConnection connect(std::chrono::milliseconds timeout = 1000ms, const std::string& options = "") {
    ScpiOptions settings;
    settings.timeout = timeout;
    return ScpiConnection(open_transport(resource(options), timeout), settings);
  }

  PseudoTerminal pty;
};

TEST_F(SerialTransportTest, QueryRoundTrip) {
  auto io = connect();
  std::thread instrument([&] {
    if (pty.read_line() == "*IDN?") pty.write("ACME,Serial Meter,42,1.0\r\n");
  });
  EXPECT_EQ(io.query("*IDN?"), "ACME,Serial Meter,42,1.0");
  instrument.join();
  io.write("SYST:REM");
  EXPECT_EQ(pty.read_line(), "SYST:REM");
}

TEST_F(SerialTransportTest, OptionsReachTheLine) {
  // A pty forces CS8 and no parity whatever is asked (drivers/tty/pty.c),
  // so data bits and parity are only checked to be accepted here.
  auto io = connect(1000ms, "?baud=115200&parity=even&data_bits=7&stop_bits=2&flow=xonxoff");
  termios tio{};
  ASSERT_EQ(::tcgetattr(pty.master(), &tio), 0);
  EXPECT_EQ(::cfgetospeed(&tio), static_cast<speed_t>(B115200));
  EXPECT_NE(tio.c_cflag & CSTOPB, 0u);
  EXPECT_NE(tio.c_iflag & IXON, 0u);
}

TEST_F(SerialTransportTest, DefaultsAre9600EightNoneOne) {
  auto io = connect();
  termios tio{};
  ASSERT_EQ(::tcgetattr(pty.master(), &tio), 0);
  EXPECT_EQ(::cfgetospeed(&tio), static_cast<speed_t>(B9600));
  EXPECT_EQ(tio.c_cflag & CSIZE, static_cast<tcflag_t>(CS8));
  EXPECT_EQ(tio.c_cflag & (PARENB | CSTOPB | CRTSCTS), 0u);
}

TEST_F(SerialTransportTest, TimeoutNamesResourceAndCommand) {
  auto io = connect(100ms);
  try {
    io.query("MEAS?");
    FAIL() << "no timeout";
  } catch (const TransportTimeout& error) {
    EXPECT_EQ(std::string(error.what()), resource() + ": MEAS?: no reply within 100 ms");
  }
}

TEST_F(SerialTransportTest, ClearDropsWhatArrived) {
  auto transport = open_transport(resource(), 1000ms);
  pty.write("stale reply\n");
  std::this_thread::sleep_for(20ms);
  transport->clear();
  pty.write("fresh\n");
  std::string got;
  while (got.find('\n') == std::string::npos) {
    EXPECT_FALSE(transport->receive(got, 1024, std::chrono::steady_clock::now() + 1s));
  }
  EXPECT_EQ(got, "fresh\n");
}

TEST_F(SerialTransportTest, VanishedDeviceIsConnectionLost) {
  auto io = connect(1000ms);
  pty.close_master();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(io.query("MEAS?"), ConnectionLost);
  try {
    io.query("MEAS?");
    FAIL() << "no error";
  } catch (const ConnectionLost& error) {
    EXPECT_NE(std::string(error.what()).find(resource() + ": MEAS?: connection lost earlier: "), std::string::npos)
        << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms);
}

TEST(SerialTransport, MissingPortNamesResourceAndPath) {
  try {
    open_transport("ASRL/dev/ttyNOPE9::INSTR", 500ms);
    FAIL() << "opened";
  } catch (const InstrumentError& error) {
    EXPECT_EQ(std::string(error.what()),
              "ASRL/dev/ttyNOPE9::INSTR: cannot open /dev/ttyNOPE9: No such file or directory");
  }
}

TEST(SerialTransport, NotATerminal) {
  try {
    open_transport("ASRL/dev/null::INSTR", 500ms);
    FAIL() << "opened";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("ASRL/dev/null::INSTR: /dev/null: not a terminal"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace litmus
