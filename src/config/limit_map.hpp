#pragma once
// A mapping of measurement name → limit, as test YAML files and profiles
// write it under `limits:`.

#include <functional>
#include <map>
#include <string>

#include "config/yaml_checks.hpp"
#include "limits/limit_spec.hpp"

namespace litmus::config {

using LimitMap = std::map<std::string, LimitSpec, std::less<>>;

// Reads `limits:` strictly (each entry with parse_limit); every origin is
// the line of the measurement name.
LimitMap parse_limit_map(const YamlAt& at);

}  // namespace litmus::config
