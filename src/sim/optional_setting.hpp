#pragma once
// Models' config keys are all optional: a value left out keeps the
// model's default.

#include "config/yaml_numbers.hpp"

namespace litmus::sim {

// Sets `out` from the number under `key` of the mapping `at`, when present.
inline void read_optional_real(const config::YamlAt& at, const char* key, double& out) {
  if (at.node[key]) out = config::read_real(at.child(key));
}

}  // namespace litmus::sim
