#include "limits/band_condition.hpp"

#include <algorithm>
#include <cmath>

namespace litmus {

namespace {

bool scalar_matches(const nlohmann::json& expected, const nlohmann::json& actual) {
  if (expected.is_number() && actual.is_number()) {
    const double a = expected.get<double>();
    const double b = actual.get<double>();
    return a == b || std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
  }
  return expected == actual;
}

bool value_matches(const nlohmann::json& expected, const nlohmann::json& actual) {
  if (!expected.is_array()) return scalar_matches(expected, actual);
  return std::any_of(expected.begin(), expected.end(),
                     [&](const nlohmann::json& one) { return scalar_matches(one, actual); });
}

bool is_scalar(const nlohmann::json& value) { return value.is_number() || value.is_string() || value.is_boolean(); }

}  // namespace

BandCondition parse_band_condition(const config::YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping of input → value (or list of values)");
  if (at.node.size() == 0) {
    at.fail("an empty `when` matches every input; omit `when` on the last band to make it the default");
  }
  BandCondition when;
  for (const auto& item : at.node) {
    const std::string input = item.first.as<std::string>();
    const config::YamlAt value_at = at.child(input);
    nlohmann::json value = config::read_json(value_at);
    if (value.is_array()) {
      if (value.empty()) value_at.fail("an empty list matches nothing; give at least one value");
      for (const auto& one : value) {
        if (!is_scalar(one)) value_at.fail("expected a list of numbers, strings or booleans");
      }
    } else if (!is_scalar(value)) {
      value_at.fail("expected a number, string or boolean, or a list of them");
    }
    when.emplace_back(input, std::move(value));
  }
  return when;
}

bool band_condition_matches(const BandCondition& when, const VectorRow* inputs) {
  for (const auto& [name, expected] : when) {
    const nlohmann::json* actual = inputs ? find_input(*inputs, name) : nullptr;
    if (!actual || !value_matches(expected, *actual)) return false;
  }
  return true;
}

std::string describe_condition(const BandCondition& when) {
  std::string out = "{";
  for (const auto& [name, value] : when) {
    out += (out.size() > 1 ? ", " : "") + name + ": " + value.dump();
  }
  return out + "}";
}

}  // namespace litmus
