#include "drivers/scpi_smu.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

void ScpiSmu::source_voltage(double volts) {
  write_checked(io_, "SOUR:FUNC VOLT;:SOUR:VOLT " + scpi_number(volts));
}

void ScpiSmu::source_current(double amps) { write_checked(io_, "SOUR:FUNC CURR;:SOUR:CURR " + scpi_number(amps)); }

void ScpiSmu::set_current_compliance(double amps) { write_checked(io_, "SENS:CURR:PROT " + scpi_number(amps)); }

void ScpiSmu::set_voltage_compliance(double volts) { write_checked(io_, "SENS:VOLT:PROT " + scpi_number(volts)); }

void ScpiSmu::set_output(bool on) { write_checked(io_, "OUTP " + std::string(on_off(on))); }

}  // namespace litmus::drivers
