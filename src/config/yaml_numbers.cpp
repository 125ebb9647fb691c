#include "config/yaml_numbers.hpp"

#include <cmath>

namespace litmus::config {

namespace {

std::string shown(const YamlAt& at) {
  return at.node.IsScalar() ? "'" + at.node.Scalar() + "'" : at.node.IsNull() ? "nothing" : "a collection";
}

}  // namespace

double read_real(const YamlAt& at) {
  const nlohmann::json value = at.node.IsScalar() ? read_json(at) : nlohmann::json();
  if (!value.is_number() || !std::isfinite(value.get<double>())) at.fail("expected a number, found " + shown(at));
  return value.get<double>();
}

std::int64_t read_integer(const YamlAt& at) {
  const nlohmann::json value = at.node.IsScalar() ? read_json(at) : nlohmann::json();
  if (!value.is_number_integer()) at.fail("expected an integer, found " + shown(at));
  return value.get<std::int64_t>();
}

}  // namespace litmus::config
