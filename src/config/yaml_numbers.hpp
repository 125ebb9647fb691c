#pragma once
// Numbers read strictly from YAML: a quoted "3.3", a word or .inf is an
// error naming file:line: key path, never a silent 0 or infinity.

#include <cstdint>

#include "config/yaml_checks.hpp"

namespace litmus::config {

// A finite number (integers accepted).
double read_real(const YamlAt& at);
// An integer (1.5 and 1e3 are errors: counts must be written as such).
std::int64_t read_integer(const YamlAt& at);

}  // namespace litmus::config
