#include "drivers/scpi_psu.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

ScpiPsu::ScpiPsu(DriverContext& ctx)
    : io_(ctx.io), outputs_(ctx.channels.empty() ? 1 : static_cast<int>(ctx.channels.size())) {}

std::string ScpiPsu::select(int output) const {
  return outputs_ > 1 ? "INST:NSEL " + std::to_string(output) + ";:" : std::string();
}

void ScpiPsu::set_voltage(int output, double volts) {
  write_checked(io_, select(output) + "VOLT " + scpi_number(volts));
}

void ScpiPsu::set_current_limit(int output, double amps) {
  write_checked(io_, select(output) + "CURR " + scpi_number(amps));
}

void ScpiPsu::set_output(int output, bool on) {
  write_checked(io_, select(output) + "OUTP " + std::string(on_off(on)));
}

double ScpiPsu::measure_voltage(int output) { return io_.query_number(select(output) + "MEAS:VOLT?"); }

double ScpiPsu::measure_current(int output) { return io_.query_number(select(output) + "MEAS:CURR?"); }

}  // namespace litmus::drivers
