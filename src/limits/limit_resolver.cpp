#include "limits/limit_resolver.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

#include "limits/band_condition.hpp"
#include "limits/limit_window.hpp"
#include "litmus/error.hpp"

namespace litmus {

namespace {

const LimitBand* matching_band(const LimitSpec& spec, const VectorRow* inputs) {
  for (const auto& band : spec.bands) {
    if (band_condition_matches(band.when, inputs)) return &band;
  }
  return nullptr;
}

std::string describe_inputs(const VectorRow* inputs) {
  if (!inputs || inputs->empty()) return "no inputs (the test has no sweep)";
  std::string out = "inputs {";
  for (const auto& [name, value] : *inputs) out += (out.size() > 8 ? ", " : "") + name + ": " + value.dump();
  return out + "}";
}

[[noreturn]] void fail(std::string_view measurement, const LimitSpec& spec, const std::string& message) {
  throw Error("limit of measurement \"" + std::string(measurement) + "\" (" + spec.origin + "): " + message);
}

// Pushes the spec's own fields and, if one matches, its band. Returns false
// when the spec has bands and none matched.
bool push_layers(const LimitSpec& spec, const VectorRow* inputs, std::vector<const Limit*>& layers) {
  layers.push_back(&spec.limit);
  const LimitBand* band = matching_band(spec, inputs);
  if (band) layers.push_back(&band->limit);
  return band || spec.bands.empty();
}

// resolve_limit() but for `source`, which the callers copy or move.
ResolvedLimit resolve_window(const LimitSpec& spec, const LimitContext& context, std::string_view measurement_name) {
  std::vector<const Limit*> layers;
  layers.reserve(4);
  std::string unmatched;  // bands that matched nothing, for the error
  const config::Characteristic* characteristic = nullptr;
  if (!spec.limit.characteristic.empty()) {
    const std::string& id = spec.limit.characteristic;
    if (!context.product)
      fail(measurement_name, spec, "characteristic \"" + id + "\": no product selected (--product)");
    const auto found = context.product->characteristics.find(id);
    if (found == context.product->characteristics.end()) {
      std::string known;
      for (const auto& [name, unused] : context.product->characteristics) known += (known.empty() ? "" : ", ") + name;
      fail(measurement_name, spec,
           "product " + context.product->id + " has no characteristic \"" + id +
               "\"; its characteristics: " + (known.empty() ? "none" : known));
    }
    characteristic = &found->second;
    if (!push_layers(characteristic->limit, context.inputs, layers)) {
      unmatched = "no band of characteristic " + id + " matches " + describe_inputs(context.inputs) + "; ";
    }
  }
  if (!push_layers(spec, context.inputs, layers)) {
    unmatched += "no band matches " + describe_inputs(context.inputs) + "; ";
  }

  ResolvedLimit resolved;
  try {
    resolved = combine_limit_layers(layers, context.default_guardband_pct);
  } catch (const std::invalid_argument& e) {
    fail(measurement_name, spec, unmatched + e.what());
  }
  if (characteristic) resolved.characteristic_id = characteristic->id;
  return resolved;
}

}  // namespace

ResolvedLimit resolve_limit(const LimitSpec& spec, const LimitContext& context, std::string_view measurement_name) {
  ResolvedLimit resolved = resolve_window(spec, context, measurement_name);
  resolved.source = spec.origin;
  return resolved;
}

ResolvedLimit resolve_limit(LimitSpec&& spec, const LimitContext& context, std::string_view measurement_name) {
  ResolvedLimit resolved = resolve_window(spec, context, measurement_name);
  resolved.source = std::move(spec.origin);
  return resolved;
}

ResolvedLimit resolve_characteristic(const config::ProductConfig& product, std::string_view id,
                                     const LimitContext& context) {
  LimitSpec spec;
  spec.limit.characteristic = std::string(id);
  spec.origin = "product " + product.id + ": characteristic " + std::string(id);
  LimitContext with_product = context;
  with_product.product = &product;
  return resolve_limit(std::move(spec), with_product, id);
}

}  // namespace litmus
