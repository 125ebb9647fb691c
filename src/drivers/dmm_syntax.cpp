#include "drivers/dmm_syntax.hpp"

#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

std::string_view function_header(DmmFunction function) {
  switch (function) {
    case DmmFunction::dc_voltage:
      return "VOLT:DC";
    case DmmFunction::ac_voltage:
      return "VOLT:AC";
    case DmmFunction::dc_current:
      return "CURR:DC";
    case DmmFunction::ac_current:
      return "CURR:AC";
    case DmmFunction::resistance:
      return "RES";
    case DmmFunction::frequency:
      return "FREQ";
  }
  return "VOLT:DC";  // unreachable: every enumerator is handled above
}

std::string_view range_header(DmmFunction function) {
  return function == DmmFunction::frequency ? "FREQ:VOLT" : function_header(function);
}

std::string range_command(DmmFunction function, std::optional<double> range) {
  const std::string header = "SENS:" + std::string(range_header(function)) + ":RANG";
  return range ? header + " " + scpi_number(*range) : header + ":AUTO ON";
}

std::string nplc_command(DmmFunction function, double nplc) {
  return "SENS:" + std::string(function_header(function)) + ":NPLC " + scpi_number(nplc);
}

}  // namespace litmus::drivers
