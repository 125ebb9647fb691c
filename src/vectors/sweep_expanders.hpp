#pragma once
// The expanders of a sweep axis, e.g. `vin: {linspace: {start: 0, stop: 5,
// num: 6}}` or `vin: {linspace: [0, 5, 6]}`: a few numbers that stand for a
// list of values, so long sweeps need not be typed out. Semantics follow
// numpy / Python (linspace, arange, logspace, geomspace, range) so that test
// authors coming from Python get the values they expect.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

#include "config/yaml_checks.hpp"

namespace litmus {

// A sweep may not expand to more rows than this (nor may one axis hold more
// values): a typo such as `num: 1e9` must fail at load time, not exhaust
// memory or run for days.
inline constexpr std::size_t kMaxSweepRows = 1'000'000;

// The values of the expander mapping `at` (exactly one key, the expander
// name; its arguments as a mapping or as a positional list). Every invalid
// argument is a ConfigError naming file:line: key path.
std::vector<nlohmann::json> run_expander(const config::YamlAt& at);

}  // namespace litmus
