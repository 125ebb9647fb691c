#include "transport/usbtmc_transport.hpp"

#include <gtest/gtest.h>

#include "litmus/scpi_connection.hpp"
#include "pseudo_terminal.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;
using testing::PseudoTerminal;

// A node the usbtmc driver does not own (here a pty) is used as a plain
// byte stream: the transport's I/O and message handling without USB.
TEST(UsbtmcTransport, StreamNodeRoundTrip) {
  PseudoTerminal pty;
  ScpiOptions options;
  options.timeout = 1000ms;
  ScpiConnection io(std::make_unique<transport::UsbtmcTransport>(pty.slave_path(), pty.slave_path()), options);
  io.write("*IDN?");
  EXPECT_EQ(pty.read_line(), "*IDN?");
  pty.write("ACME,USB Meter,7,2.0\n");
  EXPECT_EQ(io.read(), "ACME,USB Meter,7,2.0");
  // The reply may already be waiting when the query goes out.
  pty.write("ACME,USB Meter,7,2.0\n");
  EXPECT_EQ(io.identify().model, "USB Meter");
  EXPECT_EQ(pty.read_line(), "*IDN?");
}

TEST(UsbtmcTransport, StreamNodeTimeout) {
  PseudoTerminal pty;
  ScpiOptions options;
  options.timeout = 100ms;
  ScpiConnection io(std::make_unique<transport::UsbtmcTransport>("USB::test", pty.slave_path()), options);
  try {
    io.query("MEAS?");
    FAIL() << "no timeout";
  } catch (const TransportTimeout& error) {
    EXPECT_EQ(std::string(error.what()), "USB::test: MEAS?: no reply within 100 ms");
  }
}

TEST(UsbtmcTransport, MissingNode) {
  try {
    open_transport("/dev/usbtmc97", 500ms);
    FAIL() << "opened";
  } catch (const InstrumentError& error) {
    EXPECT_EQ(std::string(error.what()), "/dev/usbtmc97: cannot open /dev/usbtmc97: No such file or directory");
  }
}

TEST(UsbtmcTransport, NoMatchingDevice) {
  const std::string resource = "USB0::0x1234::0x5678::NOSUCH::INSTR";
  try {
    open_transport(resource, 500ms);
    FAIL() << "opened";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find(resource + ": no USBTMC device with this vendor, product and serial"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace litmus
