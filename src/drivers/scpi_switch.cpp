#include "drivers/scpi_switch.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

namespace {

std::string channel_list(std::string_view route) { return "(@" + std::string(route) + ")"; }

}  // namespace

void ScpiSwitch::close(std::string_view route) { write_checked(io_, "ROUT:CLOS " + channel_list(route)); }

void ScpiSwitch::open(std::string_view route) { write_checked(io_, "ROUT:OPEN " + channel_list(route)); }

void ScpiSwitch::open_all() { write_checked(io_, "ROUT:OPEN:ALL"); }

bool ScpiSwitch::is_closed(std::string_view route) {
  const std::string command = "ROUT:CLOS? " + channel_list(route);
  const double state = io_.query_number(command);
  if (state != 0.0 && state != 1.0) {
    throw InstrumentError(io_.resource() + ": " + command + ": expected 1 or 0, got " + std::to_string(state));
  }
  return state == 1.0;
}

}  // namespace litmus::drivers
