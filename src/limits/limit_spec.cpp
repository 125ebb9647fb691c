#include "limits/limit_spec.hpp"

#include <stdexcept>

#include "config/yaml_numbers.hpp"
#include "limits/band_condition.hpp"
#include "limits/limit_window.hpp"

namespace litmus {

namespace {

std::string comparator_names() {
  std::string names;
  for (Comparator c : {Comparator::GELE, Comparator::GELT, Comparator::GTLE, Comparator::GTLT, Comparator::GE,
                       Comparator::GT, Comparator::LE, Comparator::LT, Comparator::EQ, Comparator::NE}) {
    names += (names.empty() ? "" : ", ") + std::string(to_string(c));
  }
  return names;
}

void read_optional_real(const config::YamlAt& at, const char* key, std::optional<double>& out) {
  if (at.node[key]) out = config::read_real(at.child(key));
}

// The fields a limit and a band share; then the checks one limit alone can
// fail, reported at the key at fault.
Limit read_limit_fields(const config::YamlAt& at) {
  Limit limit;
  read_optional_real(at, "low", limit.low);
  read_optional_real(at, "high", limit.high);
  read_optional_real(at, "nominal", limit.nominal);
  read_optional_real(at, "tolerance_pct", limit.tolerance_pct);
  read_optional_real(at, "tolerance_abs", limit.tolerance_abs);
  read_optional_real(at, "guardband_pct", limit.guardband_pct);
  if (at.node["units"]) limit.units = config::read_string(at.child("units"));
  if (at.node["spec_ref"]) limit.spec_ref = config::read_string(at.child("spec_ref"));
  if (at.node["comparator"]) {
    const config::YamlAt key = at.child("comparator");
    const std::string name = config::read_string(key);
    limit.comparator = comparator_from_string(name);
    if (!limit.comparator) key.fail("unknown comparator '" + name + "'; expected one of: " + comparator_names());
  }
  if (auto problem = check_limit_fields(limit)) at.child(problem->key).fail(problem->message);
  return limit;
}

void require_mapping(const config::YamlAt& at, const char* what) {
  if (!at.node.IsMap()) at.fail(std::string("expected a mapping of ") + what);
}

}  // namespace

std::string origin_of(const config::YamlAt& at) {
  std::string origin = at.file->string();
  if (at.node.IsDefined() && at.node.Mark().line >= 0) origin += ":" + std::to_string(at.node.Mark().line + 1);
  if (!at.key_path.empty()) origin += " (" + at.key_path + ")";
  return origin;
}

LimitSpec parse_limit(const config::YamlAt& at) {
  require_mapping(at, "limit fields (low, high, nominal, units, ...)");
  config::check_keys(at, {"low", "high", "nominal", "units", "comparator", "tolerance_pct", "tolerance_abs",
                          "guardband_pct", "bands", "spec_ref", "characteristic"});
  LimitSpec spec;
  spec.origin = origin_of(at);
  spec.limit = read_limit_fields(at);
  if (at.node["characteristic"]) {
    spec.limit.characteristic = config::read_string(at.child("characteristic"));
    if (spec.limit.characteristic.empty()) at.child("characteristic").fail("expected a characteristic id");
  }

  std::vector<config::YamlAt> band_nodes;
  if (at.node["bands"]) {
    const config::YamlAt bands = at.child("bands");
    if (!bands.node.IsSequence() || bands.node.size() == 0) {
      bands.fail("expected a non-empty list of bands ({when: {input: value}, low: …, high: …})");
    }
    for (std::size_t i = 0; i < bands.node.size(); ++i) {
      const config::YamlAt band_at{bands.file, bands.node[i], bands.key_path + "[" + std::to_string(i) + "]"};
      require_mapping(band_at, "a band's fields (when, low, high, ...)");
      config::check_keys(band_at, {"when", "low", "high", "nominal", "units", "comparator", "tolerance_pct",
                                   "tolerance_abs", "guardband_pct", "spec_ref"});
      LimitBand band;
      if (band_at.node["when"]) {
        band.when = parse_band_condition(band_at.child("when"));
      } else if (i + 1 != bands.node.size()) {
        band_at.fail("missing key 'when'; only the last band may omit it (the default band)");
      }
      band.limit = read_limit_fields(band_at);
      spec.bands.push_back(std::move(band));
      band_nodes.push_back(band_at);
    }
  }

  // Without a characteristic every window this limit can give is known now:
  // check each, so a mistake fails at load time with its line, not in the
  // middle of a run. Without a default band no band may match at run time;
  // the resolver reports that case.
  if (spec.limit.characteristic.empty()) {
    try {
      if (spec.bands.empty()) combine_limit_layers({&spec.limit}, std::nullopt);
    } catch (const std::invalid_argument& e) {
      at.fail(e.what());
    }
    for (std::size_t i = 0; i < spec.bands.size(); ++i) {
      try {
        combine_limit_layers({&spec.limit, &spec.bands[i].limit}, std::nullopt);
      } catch (const std::invalid_argument& e) {
        band_nodes[i].fail(e.what());
      }
    }
  }
  return spec;
}

}  // namespace litmus
