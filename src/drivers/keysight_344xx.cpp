#include "drivers/keysight_344xx.hpp"

#include "drivers/dmm_syntax.hpp"
#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

double Keysight344xx::measure(DmmFunction function) {
  if (configured_ != function) {
    const std::string header(function_header(function));
    const auto& fixed = range(function);
    std::string command = "CONF:" + header + " " + (fixed ? scpi_number(*fixed) : std::string("AUTO"));
    if (const auto& nplc = nplc_[static_cast<std::size_t>(function)]) {
      command += ";:" + nplc_command(function, *nplc);
    }
    write_checked(io_, command);
    configured_ = function;
  }
  return io_.query_number("READ?");
}

void Keysight344xx::set_nplc(DmmFunction function, double nplc) {
  ScpiDmm::set_nplc(function, nplc);
  nplc_[static_cast<std::size_t>(function)] = nplc;
}

}  // namespace litmus::drivers
