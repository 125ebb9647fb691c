#pragma once
// VISA resource strings ("TCPIP::10.0.0.5::5025::SOCKET", "ASRL/dev/ttyUSB0
// ::INSTR?baud=115200" ...) parsed into what open_transport needs. Keywords
// are case-insensitive as in VISA; host names, paths and serial numbers are
// kept as written.

#include <cstdint>
#include <string>
#include <string_view>

namespace litmus::transport {

enum class Interface { tcp_socket, vxi11, serial, usbtmc };

enum class Parity { none, odd, even, mark, space };
enum class FlowControl { none, xon_xoff, rts_cts, dtr_dsr };

// The options after '?' on an ASRL resource; defaults are the common
// 9600 8N1 without flow control.
struct SerialSettings {
  int baud = 9600;
  int data_bits = 8;
  Parity parity = Parity::none;
  int stop_bits = 1;
  FlowControl flow = FlowControl::none;
};

struct VisaResource {
  Interface interface = Interface::tcp_socket;
  // TCPIP: the host (name, IPv4, or IPv6 without brackets).
  std::string host;
  // SOCKET: the TCP port.
  int port = 0;
  // INSTR over TCPIP: the VXI-11 device name ("inst0", "gpib0,5" ...).
  std::string device_name;
  // ASRL: the device path ("/dev/ttyUSB0"); ASRLn means /dev/ttySn.
  std::string serial_path;
  SerialSettings serial;
  // USB: the instrument to look for among /dev/usbtmc* ...
  std::uint16_t usb_vendor = 0;
  std::uint16_t usb_product = 0;
  std::string usb_serial;
  // ... or the device node itself ("/dev/usbtmc0").
  std::string device_path;
};

// Throws litmus::InstrumentError quoting `text` and saying what was
// expected where.
VisaResource parse_visa_resource(std::string_view text);

}  // namespace litmus::transport
