#pragma once
// Helpers of the vectors tests: a test YAML from a string, expanded; rows
// as JSON text with types and axis order kept (1 vs 1.0 differ, so "ints
// stay ints" and float exactness are checked by the comparison itself).

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vectors/sweep_expansion.hpp"

namespace litmus::testing {

// A dummy path: the messages must name it, nothing reads it.
inline const std::filesystem::path kTestFile = "tests/test_power.yaml";

// `yaml` is a test entry whose `sweeps:` is expanded, with the key path a
// test file would give it.
inline std::vector<VectorRow> expand_yaml(const std::string& yaml) {
  const YAML::Node doc = YAML::Load(yaml);
  return expand_sweeps(config::YamlAt{&kTestFile, doc["sweeps"], "tests.Power.tests.Rail.sweeps"});
}

// [{"vin": 1, "temp": 25.0}, …] in row and axis order.
inline std::string rows_text(const std::vector<VectorRow>& rows) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& row : rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& [key, value] : row) object[key] = nlohmann::ordered_json::parse(value.dump());
    out.push_back(object);
  }
  return out.dump();
}

// The expected text normalised the same way (spacing, number spelling).
inline std::string normalised(const std::string& json_text) { return nlohmann::ordered_json::parse(json_text).dump(); }

}  // namespace litmus::testing
