#include "drivers/rigol_dp800.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

namespace {

std::string channel(int output) { return "CH" + std::to_string(output); }

}  // namespace

RigolDp800::RigolDp800(DriverContext& ctx)
    : io_(ctx.io), outputs_(ctx.channels.empty() ? 3 : static_cast<int>(ctx.channels.size())) {}

void RigolDp800::set_voltage(int output, double volts) {
  write_checked(io_, ":SOUR" + std::to_string(output) + ":VOLT " + scpi_number(volts));
}

void RigolDp800::set_current_limit(int output, double amps) {
  write_checked(io_, ":SOUR" + std::to_string(output) + ":CURR " + scpi_number(amps));
}

void RigolDp800::set_output(int output, bool on) {
  write_checked(io_, ":OUTP " + channel(output) + "," + std::string(on_off(on)));
}

double RigolDp800::measure_voltage(int output) { return io_.query_number(":MEAS:VOLT? " + channel(output)); }

double RigolDp800::measure_current(int output) { return io_.query_number(":MEAS:CURR? " + channel(output)); }

}  // namespace litmus::drivers
