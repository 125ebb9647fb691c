#pragma once
// A `type:` key naming an instrument type (stations and asset files).

#include <string>

#include "config/yaml_checks.hpp"

namespace litmus::config {

// The type name; an unknown one is a ConfigError listing the known types.
std::string read_instrument_type(const YamlAt& at);

}  // namespace litmus::config
