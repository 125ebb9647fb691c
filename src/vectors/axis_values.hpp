#pragma once
// The values of one sweep axis as written in YAML: a list of scalars
// (`vin: [3.0, 3.3, 5]`), a single scalar (`temp: 25`, a one-value axis) or
// an expander mapping (`vin: {linspace: [0, 5, 6]}`).

#include <nlohmann/json.hpp>
#include <vector>

#include "config/yaml_checks.hpp"

namespace litmus {

// At least one value; numbers typed as JSON numbers (integers stay
// integers), quoted scalars stay strings, true/false are booleans.
std::vector<nlohmann::json> read_axis_values(const config::YamlAt& axis);

}  // namespace litmus
