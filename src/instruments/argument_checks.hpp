#pragma once
// Checks of the arguments a test passes an instrument, made before the
// driver sees them. A value the instrument could not sensibly take (a NaN
// from a bad calculation, a negative voltage, output 3 of a two-output
// supply) is a bug in the test, not an instrument failure: these throw
// litmus::Error — not InstrumentError — naming the role, the method and the
// value, and nothing is recorded, so it never reaches a powered bench.

#include <string_view>

namespace litmus {

// A finite value (an SMU sources both polarities; an offset may be negative).
void require_finite(std::string_view role, std::string_view method, double value, std::string_view units);
// A finite value ≥ 0: setpoints of supplies and loads.
void require_non_negative(std::string_view role, std::string_view method, double value, std::string_view units);
// A finite value > 0: ranges, scales, frequencies, compliances.
void require_positive(std::string_view role, std::string_view method, double value, std::string_view units);
// `number` (an output, a channel; `what` names it) within 1..count.
void require_number_in_range(std::string_view role, std::string_view method, std::string_view what, int number,
                             int count);
// A non-empty name (a scope channel, a switch route; `what` names it).
void require_name(std::string_view role, std::string_view method, std::string_view what, std::string_view name);

}  // namespace litmus
