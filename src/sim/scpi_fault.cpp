#include "sim/scpi_fault.hpp"

namespace litmus::sim {

ScpiFault::ScpiFault(int code, const std::string& message)
    : std::runtime_error(message.empty() ? standard_error_text(code) : message), code_(code) {}

std::size_t checked_index(int number, std::size_t count, const char* what) {
  if (number < 1 || number > static_cast<int>(count)) {
    throw ScpiFault(scpi_errors::header_suffix_out_of_range,
                    std::string("Header suffix out of range; no ") + what + " " + std::to_string(number));
  }
  return static_cast<std::size_t>(number - 1);
}

std::string standard_error_text(int code) {
  switch (code) {
    case -100:
      return "Command error";
    case -102:
      return "Syntax error";
    case -104:
      return "Data type error";
    case -108:
      return "Parameter not allowed";
    case -109:
      return "Missing parameter";
    case -113:
      return "Undefined header";
    case -114:
      return "Header suffix out of range";
    case -200:
      return "Execution error";
    case -221:
      return "Settings conflict";
    case -222:
      return "Data out of range";
    case -224:
      return "Illegal parameter value";
    case -350:
      return "Queue overflow";
    case -410:
      return "Query INTERRUPTED";
    default:
      return "Device-specific error";
  }
}

}  // namespace litmus::sim
