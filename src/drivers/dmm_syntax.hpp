#pragma once
// How SCPI names each DMM function, shared by the generic and the Keysight
// drivers: MEAS:VOLT:DC?, CONF:VOLT:DC, SENS:VOLT:DC:RANG ...

#include <optional>
#include <string>
#include <string_view>

#include "litmus/instruments/dmm.hpp"

namespace litmus::drivers {

// "VOLT:DC", "VOLT:AC", "CURR:DC", "CURR:AC", "RES", "FREQ": what follows
// MEAS: and CONF:.
std::string_view function_header(DmmFunction function);

// What SENS:<...>:RANG addresses: the function header, except for
// frequency, whose range is that of the input voltage (FREQ:VOLT).
std::string_view range_header(DmmFunction function);

// "SENS:VOLT:DC:RANG 10", or "SENS:VOLT:DC:RANG:AUTO ON" for nullopt.
std::string range_command(DmmFunction function, std::optional<double> range);

// "SENS:VOLT:DC:NPLC 10".
std::string nplc_command(DmmFunction function, double nplc);

}  // namespace litmus::drivers
