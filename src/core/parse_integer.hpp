#pragma once
// Whole-string decimal integer parsing: no sign tricks, no trailing bytes,
// no silent wrap-around on overflow.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace litmus {

inline std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || stop != end) return std::nullopt;
  return value;
}

}  // namespace litmus
