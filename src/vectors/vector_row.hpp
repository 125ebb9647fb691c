#pragma once
// One row of a sweep: the inputs of one step execution, in axis order
// (first group's keys first), e.g. {vin: 5.0, temp: 25}.

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace litmus {

using VectorRow = std::vector<std::pair<std::string, nlohmann::json>>;

// The value of `key` in `row`, or nullptr.
inline const nlohmann::json* find_input(const VectorRow& row, std::string_view key) {
  for (const auto& [name, value] : row) {
    if (name == key) return &value;
  }
  return nullptr;
}

}  // namespace litmus
