#include "drivers/scpi_eload.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

namespace {

std::string mode_header(LoadMode mode) {
  switch (mode) {
    case LoadMode::constant_current:
      return "CURR";
    case LoadMode::constant_voltage:
      return "VOLT";
    case LoadMode::constant_resistance:
      return "RES";
    case LoadMode::constant_power:
      return "POW";
  }
  return "CURR";
}

}  // namespace

void ScpiELoad::set_mode(LoadMode mode) { write_checked(io_, "FUNC " + mode_header(mode)); }

void ScpiELoad::set_level(LoadMode mode, double value) {
  write_checked(io_, mode_header(mode) + " " + scpi_number(value));
}

void ScpiELoad::set_input(bool on) { write_checked(io_, "INP " + std::string(on_off(on))); }

}  // namespace litmus::drivers
