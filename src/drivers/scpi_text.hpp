#pragma once
// The bits of SCPI text every driver builds: numbers, ON/OFF, and the
// instrument's channel names ("ch2") mapped to the numbers SCPI headers and
// parameters carry. Shared so each driver spells them the same way.

#include <string>
#include <string_view>

namespace litmus::drivers {

// `value` with every digit needed to read back the same double ("0.1",
// "1e-05", "5"), never rounded to printf's six: a 12.3456789 V setpoint
// must reach the supply as written.
std::string scpi_number(double value);

// "ON" / "OFF".
std::string_view on_off(bool on);

// "ch2" (any case) -> 2, for names "ch1" … "ch<count>". Throws
// litmus::Error naming `role` and the accepted names otherwise — a wrong
// name is a bug in the test, not an instrument failure.
int channel_number(std::string_view role, std::string_view channel, int count);

}  // namespace litmus::drivers
