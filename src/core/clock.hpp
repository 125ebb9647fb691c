#pragma once

#include <cstdint>

namespace litmus {

// Wall-clock time in ns since the Unix epoch, UTC (event timestamps).
std::int64_t now_ns();
// Monotonic ns, for durations.
std::int64_t monotonic_ns();

}  // namespace litmus
