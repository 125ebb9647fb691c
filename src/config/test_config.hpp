#pragma once
// The test YAML beside a test source (tests/test_power.yaml next to
// tests/test_power.cpp): limits, retries, profiles and sweeps at file,
// suite and test level. Reference: docs/limits.md, docs/vectors.md.
//
//   limits: {v_rail: {low: 3.2, high: 3.4, units: V}}     # file level
//   retry: {max_retries: 1, delay: 0.1}
//   profiles: {hot: {limits: {...}}}
//   tests:
//     Power:                                              # suite
//       limits: {...}
//       tests:
//         RailWithinSpec:                                 # test
//           sweeps: [{vin: [3.3, 5.0, 5.5]}]
//           limits: {v_rail: {characteristic: rail_3v3, tolerance_pct: 2}}

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/limit_map.hpp"
#include "vectors/vector_row.hpp"

namespace litmus::config {

struct RetryPolicy {
  int max_retries = 0;  // 0..100 extra attempts of a failed vector
  double delay_s = 0;   // >= 0, wait before each retry
};

struct TestEntry {
  LimitMap limits;
  std::map<std::string, LimitMap, std::less<>> profiles;  // profile → its limits
  std::optional<RetryPolicy> retry;
  bool has_sweeps = false;  // `sweeps:` present
  // The expanded sweeps; empty when has_sweeps is false.
  std::vector<VectorRow> vectors;
};

struct SuiteEntry {
  LimitMap limits;
  std::map<std::string, LimitMap, std::less<>> profiles;
  std::optional<RetryPolicy> retry;
  std::map<std::string, TestEntry, std::less<>> tests;
};

struct TestConfig {
  std::filesystem::path file;
  LimitMap limits;
  std::map<std::string, LimitMap, std::less<>> profiles;
  std::optional<RetryPolicy> retry;
  std::map<std::string, SuiteEntry, std::less<>> suites;  // the keys under tests:
};

// Reads `file` strictly. Throws ConfigError naming file:line: key path.
TestConfig load_test_config(const std::filesystem::path& file);

// The limit of measurement `name`, first hit wins: test.profiles[profile],
// suite.profiles[profile], file.profiles[profile], test.limits,
// suite.limits, file.limits (an empty profile skips the profile levels).
// Null when none gives one.
const LimitSpec* find_limit(const TestConfig& config, std::string_view suite, std::string_view test,
                            std::string_view profile, std::string_view name);

// Where find_limit looked, for the "no limit" error, e.g.
// "tests/test_power.yaml (file, suite Power, test Power/RailWithinSpec, profile hot)";
// a suite or test the file does not mention is said so.
std::string searched_places(const TestConfig& config, std::string_view suite, std::string_view test,
                            std::string_view profile);

// The retry policy of a test: test > suite > file > none (no retries).
RetryPolicy retry_for(const TestConfig& config, std::string_view suite, std::string_view test);

// The entry of test `suite`/`test`, or null when the file has none.
const TestEntry* find_test_entry(const TestConfig& config, std::string_view suite, std::string_view test);

}  // namespace litmus::config
