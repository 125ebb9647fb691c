#include "drivers/scpi_dmm.hpp"

#include "drivers/dmm_syntax.hpp"
#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

namespace {

// DC and resistance integrate over power-line cycles; AC and frequency
// have bandwidth and gate time instead.
bool has_nplc(DmmFunction function) {
  return function == DmmFunction::dc_voltage || function == DmmFunction::dc_current ||
         function == DmmFunction::resistance;
}

}  // namespace

double ScpiDmm::measure(DmmFunction function) {
  std::string command = "MEAS:" + std::string(function_header(function)) + "?";
  // MEAS picks its own range unless told: pass the one set.
  if (const auto& fixed = range(function)) command += " " + scpi_number(*fixed);
  return io_.query_number(command);
}

void ScpiDmm::set_range(DmmFunction function, std::optional<double> range) {
  write_checked(io_, range_command(function, range));
  ranges_[static_cast<std::size_t>(function)] = range;
}

void ScpiDmm::set_nplc(DmmFunction function, double nplc) {
  if (!has_nplc(function)) {
    throw InstrumentError(io_.resource() + ": set_nplc: " + std::string(to_string(function)) +
                          " has no NPLC setting");
  }
  write_checked(io_, nplc_command(function, nplc));
}

}  // namespace litmus::drivers
