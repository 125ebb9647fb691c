#pragma once
// A share that is undefined, not 0, when there is nothing to share: an
// empty window shows "—", never a 0 % yield.

#include <cstdint>
#include <optional>

namespace litmus::metrics {

inline std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace litmus::metrics
