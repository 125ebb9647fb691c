#pragma once
// Sweep expansion: the `sweeps:` of a test turned into the parameter rows
// (vectors) the test runs once each.
//
//   sweeps:
//     - {vin: [3.0, 5.0], iload: [0.1, 0.5]}   # one group: zipped
//     - {temp: [25, 85]}                       # groups: crossed
//
// gives (vin 3.0, iload 0.1, temp 25), (3.0, 0.1, 85), (5.0, 0.5, 25),
// (5.0, 0.5, 85). Syntax reference: docs/vectors.md.

#include <vector>

#include "config/yaml_checks.hpp"
#include "vectors/vector_row.hpp"

namespace litmus {

// `sweeps:` of a test: a list of groups (mappings axis → values). Keys in one
// group are zipped (equal lengths, else an error naming the group and the
// lengths); groups are crossed, the first group outermost. An empty list (or
// an absent / null `sweeps`) gives one empty row. Row keys: the first group's
// axes first, in file order. Every mistake (unknown expander, bad argument,
// duplicate axis, more than kMaxSweepRows rows, ...) is a ConfigError naming
// file:line: key path.
std::vector<VectorRow> expand_sweeps(const config::YamlAt& sweeps);

}  // namespace litmus
