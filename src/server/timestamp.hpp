#pragma once
// Timestamps as the API accepts them: integer nanoseconds since the Unix
// epoch, or ISO-8601 in UTC ("2026-11-28T08:00:00Z", fractional seconds and
// a ±HH:MM offset allowed).

#include <cstdint>
#include <optional>
#include <string_view>

namespace litmus::server {

// nullopt when `text` is neither form or lies outside what a non-negative
// int64 of ns can hold (1970 through 2262).
std::optional<std::int64_t> parse_timestamp_ns(std::string_view text);

}  // namespace litmus::server
