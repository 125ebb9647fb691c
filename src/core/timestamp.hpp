#pragma once
// Timestamps as the API and the CLI accept them: integer nanoseconds since
// the Unix epoch, ISO-8601 with a zone ("2026-11-28T08:00:00Z", fractional
// seconds and a ±HH:MM offset allowed), or a date ("2026-11-28": its
// midnight, UTC).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace litmus {

// nullopt when `text` is neither form or lies outside what a non-negative
// int64 of ns can hold (1970 through 2262).
std::optional<std::int64_t> parse_timestamp_ns(std::string_view text);

// The forms parse_timestamp_ns accepts, as every error message about a time
// names them.
inline constexpr std::string_view kTimestampForms =
    "a date (2026-11-28), ISO-8601 with a zone (2026-11-28T08:00:00Z) or integer nanoseconds since 1970";

// "2026-11-28T08:00:00.123456789Z": UTC, always nine fraction digits, so
// the text sorts as the time does and reads back exactly.
std::string format_iso8601_utc(std::int64_t ts_ns);
void append_iso8601_utc(std::string& out, std::int64_t ts_ns);

}  // namespace litmus
