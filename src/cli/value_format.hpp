#pragma once
// How the reading commands print stored values: timestamps (ns since the
// epoch, UTC) in local time or ISO 8601, durations, numbers.

#include <cstdint>
#include <optional>
#include <string>

namespace litmus::cli {

// "2026-11-28 09:00:00" in the local time zone (TZ); "" for nullopt.
std::string local_time(std::optional<std::int64_t> ts_ns);
// "850 ns", "12.5 us", "12.5 ms", "1.52 s", "2m 03s", "1h 02m"; "" for nullopt.
std::string duration(std::optional<std::int64_t> ns);
// For people: 10 significant digits, so a limit computed as 3.3 * 1.02
// reads "3.366", not "3.3659999999999997" (exports keep every digit).
std::string display_number(std::optional<double> value);

}  // namespace litmus::cli
