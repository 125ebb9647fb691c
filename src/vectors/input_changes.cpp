#include "vectors/input_changes.hpp"

#include <string>

#include "litmus/error.hpp"

namespace litmus {

bool input_changed(const VectorRow* previous, const VectorRow& current, std::string_view key) {
  const nlohmann::json* now = find_input(current, key);
  if (now == nullptr) {
    std::string keys;
    for (const auto& [name, value] : current) keys += (keys.empty() ? "" : ", ") + name;
    throw Error("changed(\"" + std::string(key) + "\"): the current vector has no input '" + std::string(key) +
                "'; its inputs are: " + (keys.empty() ? "(none: the test has no sweep)" : keys));
  }
  if (previous == nullptr) return true;
  const nlohmann::json* before = find_input(*previous, key);
  return before == nullptr || *before != *now;
}

}  // namespace litmus
