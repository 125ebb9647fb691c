#include "transport/scpi_reply.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace litmus::transport {

namespace {

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// from_chars takes no leading '+', which SCPI numbers often have.
std::string_view without_plus(std::string_view text) {
  return !text.empty() && text.front() == '+' ? text.substr(1) : text;
}

}  // namespace

std::string quote_reply(std::string_view reply, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < reply.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(reply[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof(hex), "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (reply.size() > limit) out += "... (" + std::to_string(reply.size()) + " bytes)";
  return out;
}

std::optional<double> parse_scpi_number(std::string_view text) {
  const auto number = without_plus(trim(text));
  double value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool is_scpi_overflow(double value) { return std::abs(value) >= 9.9e37; }

std::optional<int> error_entry_code(std::string_view entry) {
  const auto text = without_plus(trim(entry));
  int code = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (error != std::errc() || (end != text.data() + text.size() && *end != ',')) return std::nullopt;
  return code;
}

InstrumentIdentity split_idn(std::string_view reply) {
  InstrumentIdentity identity;
  std::string* fields[] = {&identity.manufacturer, &identity.model, &identity.serial, &identity.firmware};
  std::size_t start = 0;
  for (std::size_t field = 0; field < 4; ++field) {
    const auto comma = field < 3 ? reply.find(',', start) : std::string_view::npos;
    *fields[field] = std::string(trim(reply.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return identity;
}

}  // namespace litmus::transport
