#pragma once
// A limit spec parsed from YAML text, as if at tests.Power.limits.v_rail of
// tests/test_power.yaml (the file need not exist).

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>

#include "limits/limit_spec.hpp"

namespace litmus::testing {

inline LimitSpec limit_from_yaml(const std::string& yaml) {
  static const std::filesystem::path file = "tests/test_power.yaml";
  return parse_limit(config::YamlAt{&file, YAML::Load(yaml), "tests.Power.limits.v_rail"});
}

inline LimitSpec limit_from_call(const Limit& limit) {
  return LimitSpec{limit, {}, "verify() call at tests/test_power.cpp:31"};
}

}  // namespace litmus::testing
