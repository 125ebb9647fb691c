#include "transport/visa_resource.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

#include "litmus/error.hpp"

namespace litmus::transport {

namespace {

constexpr std::string_view kSyntax =
    "expected TCPIP::host::port::SOCKET, TCPIP::host[::device]::INSTR, ASRL<path or number>::INSTR[?options], "
    "USB::vendor::product::serial::INSTR or /dev/usbtmcN";

[[noreturn]] void fail(std::string_view text, std::string_view what) {
  throw InstrumentError("resource '" + std::string(text) + "': " + std::string(what));
}

bool equals_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equals_nocase(text.substr(0, prefix.size()), prefix);
}

// "TCPIP0" → true for keyword "TCPIP": VISA allows a board number after it.
bool is_keyword_with_board(std::string_view part, std::string_view keyword) {
  if (!starts_with_nocase(part, keyword)) return false;
  const auto board = part.substr(keyword.size());
  return std::all_of(board.begin(), board.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto sep = text.find("::", start);
    parts.push_back(text.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
    if (sep == std::string_view::npos) return parts;
    start = sep + 2;
  }
}

bool parse_int(std::string_view digits, int& out, int base = 10) {
  if (digits.empty()) return false;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out, base);
  return error == std::errc() && end == digits.data() + digits.size();
}

// "0x2A8D" or "10893".
bool parse_usb_id(std::string_view text, std::uint16_t& out) {
  int value = 0;
  const bool hex = starts_with_nocase(text, "0x");
  if (!parse_int(hex ? text.substr(2) : text, value, hex ? 16 : 10) || value < 0 || value > 0xFFFF) return false;
  out = static_cast<std::uint16_t>(value);
  return true;
}

void parse_tcpip(std::string_view text, const std::vector<std::string_view>& parts, VisaResource& out) {
  if (parts.size() < 2 || parts[1].empty()) fail(text, "expected a host after TCPIP::");
  out.host = std::string(parts[1]);
  const auto& last = parts.back();
  if (equals_nocase(last, "SOCKET")) {
    if (parts.size() != 4) fail(text, "expected TCPIP::host::port::SOCKET");
    if (!parse_int(parts[2], out.port) || out.port < 1 || out.port > 65535) {
      fail(text, "expected a TCP port (1-65535) before ::SOCKET, found '" + std::string(parts[2]) + "'");
    }
    out.interface = Interface::tcp_socket;
    return;
  }
  // "TCPIP::host" alone means INSTR, as in VISA.
  const bool has_instr = equals_nocase(last, "INSTR");
  const std::size_t middle = parts.size() - (has_instr ? 1 : 0);
  if (middle > 3 || (!has_instr && parts.size() > 2)) {
    fail(text, "expected TCPIP::host::port::SOCKET or TCPIP::host[::device]::INSTR");
  }
  out.interface = Interface::vxi11;
  out.device_name = middle == 3 ? std::string(parts[2]) : "inst0";
  if (out.device_name.empty()) fail(text, "expected a VXI-11 device name (e.g. inst0) after the host");
}

void parse_serial_option(std::string_view text, std::string_view key, std::string_view value, SerialSettings& out) {
  const auto bad = [&](std::string_view expected) {
    fail(text, "serial option " + std::string(key) + "=" + std::string(value) + ": expected " +
                   std::string(expected));
  };
  if (key == "baud") {
    if (!parse_int(value, out.baud) || out.baud <= 0) bad("a baud rate such as 9600 or 115200");
  } else if (key == "data_bits") {
    if (!parse_int(value, out.data_bits) || out.data_bits < 5 || out.data_bits > 8) bad("5, 6, 7 or 8");
  } else if (key == "stop_bits") {
    if (!parse_int(value, out.stop_bits) || (out.stop_bits != 1 && out.stop_bits != 2)) bad("1 or 2");
  } else if (key == "parity") {
    static constexpr std::pair<std::string_view, Parity> kParities[] = {
        {"none", Parity::none}, {"odd", Parity::odd}, {"even", Parity::even},
        {"mark", Parity::mark}, {"space", Parity::space}};
    const auto* found = std::find_if(std::begin(kParities), std::end(kParities),
                                     [&](const auto& entry) { return equals_nocase(entry.first, value); });
    if (found == std::end(kParities)) bad("none, odd, even, mark or space");
    out.parity = found->second;
  } else if (key == "flow") {
    static constexpr std::pair<std::string_view, FlowControl> kFlows[] = {{"none", FlowControl::none},
                                                                         {"xonxoff", FlowControl::xon_xoff},
                                                                         {"rtscts", FlowControl::rts_cts},
                                                                         {"dtrdsr", FlowControl::dtr_dsr}};
    const auto* found = std::find_if(std::begin(kFlows), std::end(kFlows),
                                     [&](const auto& entry) { return equals_nocase(entry.first, value); });
    if (found == std::end(kFlows)) bad("none, xonxoff, rtscts or dtrdsr");
    out.flow = found->second;
  } else {
    fail(text, "unknown serial option '" + std::string(key) + "' (known: baud, data_bits, parity, stop_bits, flow)");
  }
}

void parse_serial_options(std::string_view text, std::string_view options, SerialSettings& out) {
  std::size_t start = 0;
  while (start <= options.size()) {
    const auto amp = options.find('&', start);
    const auto item = options.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      fail(text, "expected key=value serial options after '?', found '" + std::string(item) + "'");
    }
    parse_serial_option(text, item.substr(0, eq), item.substr(eq + 1), out);
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
}

void parse_asrl(std::string_view text, const std::vector<std::string_view>& parts, std::string_view options,
                VisaResource& out) {
  if (parts.size() != 2 || !equals_nocase(parts[1], "INSTR")) fail(text, "expected ASRL<path or number>::INSTR");
  const auto port = parts[0].substr(4);
  int number = 0;
  if (!port.empty() && port.front() == '/') {
    out.serial_path = std::string(port);
  } else if (parse_int(port, number) && number >= 0) {
    // The number is the Linux port number, as the transport contract
    // documents (ASRL3 is /dev/ttyS3), not Windows' COM numbering.
    out.serial_path = "/dev/ttyS" + std::to_string(number);
  } else {
    fail(text, "expected a device path (ASRL/dev/ttyUSB0::INSTR) or a port number (ASRL3::INSTR) after ASRL");
  }
  out.interface = Interface::serial;
  if (!options.empty()) parse_serial_options(text, options, out.serial);
}

void parse_usb(std::string_view text, const std::vector<std::string_view>& parts, VisaResource& out) {
  // USB::vendor::product::serial[::interface]::INSTR
  if ((parts.size() != 5 && parts.size() != 6) || !equals_nocase(parts.back(), "INSTR")) {
    fail(text, "expected USB[n]::vendor::product::serial::INSTR");
  }
  if (!parse_usb_id(parts[1], out.usb_vendor)) {
    fail(text, "expected a USB vendor id (0x2A8D) after USB::, found '" + std::string(parts[1]) + "'");
  }
  if (!parse_usb_id(parts[2], out.usb_product)) {
    fail(text, "expected a USB product id (0x0101) after the vendor, found '" + std::string(parts[2]) + "'");
  }
  if (parts[3].empty()) fail(text, "expected the instrument's serial number after the product id");
  out.usb_serial = std::string(parts[3]);
  out.interface = Interface::usbtmc;
}

}  // namespace

VisaResource parse_visa_resource(std::string_view text) {
  VisaResource out;
  if (text.starts_with("/dev/usbtmc")) {
    out.interface = Interface::usbtmc;
    out.device_path = std::string(text);
    return out;
  }
  std::string_view options;
  std::string_view body = text;
  if (const auto question = text.find('?'); question != std::string_view::npos) {
    options = text.substr(question + 1);
    body = text.substr(0, question);
    if (!starts_with_nocase(body, "ASRL")) fail(text, "options after '?' are only for serial (ASRL) resources");
  }
  const auto parts = split_parts(body);
  if (is_keyword_with_board(parts[0], "TCPIP")) {
    parse_tcpip(text, parts, out);
  } else if (starts_with_nocase(parts[0], "ASRL")) {
    parse_asrl(text, parts, options, out);
  } else if (is_keyword_with_board(parts[0], "USB")) {
    parse_usb(text, parts, out);
  } else {
    fail(text, kSyntax);
  }
  return out;
}

}  // namespace litmus::transport
