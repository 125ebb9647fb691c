#include "transport/visa_resource.hpp"

#include <gtest/gtest.h>

#include "litmus/error.hpp"

namespace litmus::transport {
namespace {

TEST(VisaResource, TcpSocket) {
  const auto r = parse_visa_resource("TCPIP::10.0.0.5::5025::SOCKET");
  EXPECT_EQ(r.interface, Interface::tcp_socket);
  EXPECT_EQ(r.host, "10.0.0.5");
  EXPECT_EQ(r.port, 5025);
  const auto board = parse_visa_resource("tcpip0::scope.lab::5555::socket");
  EXPECT_EQ(board.interface, Interface::tcp_socket);
  EXPECT_EQ(board.host, "scope.lab");
  EXPECT_EQ(board.port, 5555);
}

TEST(VisaResource, Vxi11) {
  const auto plain = parse_visa_resource("TCPIP::10.0.0.7::INSTR");
  EXPECT_EQ(plain.interface, Interface::vxi11);
  EXPECT_EQ(plain.host, "10.0.0.7");
  EXPECT_EQ(plain.device_name, "inst0");
  const auto named = parse_visa_resource("TCPIP0::gw.lab::gpib0,5::INSTR");
  EXPECT_EQ(named.device_name, "gpib0,5");
  EXPECT_EQ(parse_visa_resource("TCPIP::10.0.0.7").interface, Interface::vxi11);
}

TEST(VisaResource, SerialPathAndNumber) {
  const auto path = parse_visa_resource("ASRL/dev/ttyUSB0::INSTR");
  EXPECT_EQ(path.interface, Interface::serial);
  EXPECT_EQ(path.serial_path, "/dev/ttyUSB0");
  EXPECT_EQ(path.serial.baud, 9600);
  EXPECT_EQ(path.serial.data_bits, 8);
  EXPECT_EQ(path.serial.parity, Parity::none);
  EXPECT_EQ(path.serial.stop_bits, 1);
  EXPECT_EQ(path.serial.flow, FlowControl::none);
  // The Linux port number, as include/litmus/transport.hpp documents.
  EXPECT_EQ(parse_visa_resource("ASRL0::INSTR").serial_path, "/dev/ttyS0");
  EXPECT_EQ(parse_visa_resource("asrl3::instr").serial_path, "/dev/ttyS3");
}

TEST(VisaResource, SerialOptions) {
  const auto r =
      parse_visa_resource("ASRL/dev/ttyACM0::INSTR?baud=115200&parity=even&data_bits=7&stop_bits=2&flow=rtscts");
  EXPECT_EQ(r.serial_path, "/dev/ttyACM0");
  EXPECT_EQ(r.serial.baud, 115200);
  EXPECT_EQ(r.serial.parity, Parity::even);
  EXPECT_EQ(r.serial.data_bits, 7);
  EXPECT_EQ(r.serial.stop_bits, 2);
  EXPECT_EQ(r.serial.flow, FlowControl::rts_cts);
}

TEST(VisaResource, Usb) {
  const auto r = parse_visa_resource("USB0::0x2A8D::0x0101::MY53012345::INSTR");
  EXPECT_EQ(r.interface, Interface::usbtmc);
  EXPECT_EQ(r.usb_vendor, 0x2A8D);
  EXPECT_EQ(r.usb_product, 0x0101);
  EXPECT_EQ(r.usb_serial, "MY53012345");
  const auto with_interface = parse_visa_resource("USB::6833::1230::DP8C1234::0::INSTR");
  EXPECT_EQ(with_interface.usb_vendor, 6833);
  EXPECT_EQ(with_interface.usb_product, 1230);
  const auto node = parse_visa_resource("/dev/usbtmc2");
  EXPECT_EQ(node.interface, Interface::usbtmc);
  EXPECT_EQ(node.device_path, "/dev/usbtmc2");
}

// Each bad string, and a piece of the message that must tell the user
// what was expected.
struct BadResource {
  const char* text;
  const char* expected;
};

class VisaResourceErrors : public ::testing::TestWithParam<BadResource> {};

TEST_P(VisaResourceErrors, NameTheStringAndWhatWasExpected) {
  const auto& bad = GetParam();
  try {
    parse_visa_resource(bad.text);
    FAIL() << "accepted " << bad.text;
  } catch (const InstrumentError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(std::string("'") + bad.text + "'"), std::string::npos) << message;
    EXPECT_NE(message.find(bad.expected), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, VisaResourceErrors,
    ::testing::Values(BadResource{"", "expected TCPIP::host::port::SOCKET"},
                      BadResource{"GPIB0::5::INSTR", "expected TCPIP::host::port::SOCKET"},
                      BadResource{"TCPIP::", "expected a host"},
                      BadResource{"TCPIP::h::99999::SOCKET", "expected a TCP port (1-65535)"},
                      BadResource{"TCPIP::h::port::SOCKET", "found 'port'"},
                      BadResource{"TCPIP::h::5025::x::SOCKET", "expected TCPIP::host::port::SOCKET"},
                      BadResource{"TCPIP::h::a::b::INSTR", "TCPIP::host[::device]::INSTR"},
                      BadResource{"ASRL::INSTR", "expected a device path"},
                      BadResource{"ASRLx::INSTR", "or a port number (ASRL3::INSTR)"},
                      BadResource{"ASRL/dev/ttyS0", "expected ASRL<path or number>::INSTR"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?baud=fast", "baud=fast: expected a baud rate"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?parity=maybe", "none, odd, even, mark or space"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?data_bits=9", "5, 6, 7 or 8"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?stop_bits=3", "1 or 2"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?flow=magic", "none, xonxoff, rtscts or dtrdsr"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?speed=9600", "unknown serial option 'speed'"},
                      BadResource{"ASRL/dev/ttyS0::INSTR?baud", "expected key=value"},
                      BadResource{"TCPIP::h::5025::SOCKET?baud=9600", "only for serial"},
                      BadResource{"USB0::0x2A8D::0x0101::INSTR", "USB[n]::vendor::product::serial::INSTR"},
                      BadResource{"USB0::xyz::0x0101::SN::INSTR", "expected a USB vendor id"},
                      BadResource{"USB0::0x2A8D::0x1FFFF::SN::INSTR", "expected a USB product id"}));

}  // namespace
}  // namespace litmus::transport
