#pragma once
// The `when:` of a limit band: the inputs (vector row) a band applies to,
// e.g. `when: {vin: 5.0, mode: [fast, turbo]}` (a list means any of).

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "config/yaml_checks.hpp"
#include "vectors/vector_row.hpp"

namespace litmus {

// Input name → a scalar the input must equal, or a non-empty list of
// scalars (any of). Empty: no condition (the default band).
using BandCondition = std::vector<std::pair<std::string, nlohmann::json>>;

// Reads a `when:` mapping strictly: at least one input, every value a scalar
// or a non-empty list of scalars. Errors name file:line: key path.
BandCondition parse_band_condition(const config::YamlAt& at);

// Whether every input of `when` equals (one of) its values in `inputs`.
// Numbers compare with a relative tolerance of 1e-9 (5 matches 5.0 and a
// linspace's 0.30000000000000004 matches 0.3); strings and booleans exactly.
// An input absent from the row (or no row) does not match: a product
// characteristic banded on `temp` falls back to its default band in a test
// that does not sweep temperature.
bool band_condition_matches(const BandCondition& when, const VectorRow* inputs);

// "{vin: 5, mode: [fast, turbo]}" for messages.
std::string describe_condition(const BandCondition& when);

}  // namespace litmus
