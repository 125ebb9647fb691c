#pragma once
// A limit as written in a test YAML (or built from a verify() call): its own
// fields plus condition bands, and where it came from for messages.
//
//   v_rail:
//     units: V
//     bands:
//       - {when: {vin: 5.0}, low: 4.8, high: 5.2}
//       - {when: {vin: [3.3, 3.6]}, nominal: 3.3, tolerance_pct: 3}
//       - {low: 3.0, high: 3.6}          # no `when`: the default band

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "config/yaml_checks.hpp"
#include "litmus/limit.hpp"

namespace litmus {

struct LimitBand {
  // Input → scalar the input must equal, or a list (any of). Empty: the
  // default band (only ever the last one).
  std::vector<std::pair<std::string, nlohmann::json>> when;
  // Never sets characteristic.
  Limit limit;
};

struct LimitSpec {
  Limit limit;
  // In file order; the first whose `when` matches the inputs wins and its
  // fields override limit's.
  std::vector<LimitBand> bands;
  // For messages: "tests/test_power.yaml:7 (tests.Power.tests.RailWithinSpec.limits.v_rail)",
  // "verify() call at tests/test_power.cpp:31".
  std::string origin;
};

// Reads one limit mapping strictly (keys low, high, nominal, units,
// comparator, tolerance_pct, tolerance_abs, guardband_pct, bands, spec_ref,
// characteristic; a band: `when` and the same keys except bands and
// characteristic). Every contradiction that can be seen in the file alone —
// low > high, a negative tolerance or guardband, guardband_pct >= 100, an
// unknown comparator, both tolerances, a tolerance with no nominal, a band
// other than the last without `when`, a comparator without its bounds — is
// a ConfigError naming file:line: key path. Limits that start from a
// characteristic are checked further when resolved (the product is known
// only then).
LimitSpec parse_limit(const config::YamlAt& at);

// "file:line (key.path)" of a node, the origin of what is read there.
std::string origin_of(const config::YamlAt& at);

}  // namespace litmus
