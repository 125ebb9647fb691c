#include "config/product_config.hpp"

#include <algorithm>
#include <stdexcept>

#include "config/project_file.hpp"
#include "config/yaml_checks.hpp"
#include "config/yaml_numbers.hpp"
#include "limits/band_condition.hpp"
#include "limits/limit_window.hpp"
#include "litmus/error.hpp"

namespace litmus::config {

namespace {

// A product file says accuracy where a limit says tolerance; the shared
// checks speak of tolerance, so their messages are reworded here.
std::string in_product_terms(std::string text) {
  for (std::size_t at = text.find("tolerance"); at != std::string::npos; at = text.find("tolerance", at)) {
    text.replace(at, 9, "accuracy");
  }
  return text;
}

// The window fields a characteristic and its bands share.
Limit read_window(const YamlAt& at) {
  Limit limit;
  if (at.node["nominal"]) limit.nominal = read_real(at.child("nominal"));
  if (at.node["accuracy_pct"]) limit.tolerance_pct = read_real(at.child("accuracy_pct"));
  if (at.node["accuracy_abs"]) limit.tolerance_abs = read_real(at.child("accuracy_abs"));
  if (at.node["low"]) limit.low = read_real(at.child("low"));
  if (at.node["high"]) limit.high = read_real(at.child("high"));
  return limit;
}

void check_window(const YamlAt& at, const Limit& limit) {
  if (auto problem = check_limit_fields(limit)) {
    at.child(in_product_terms(problem->key)).fail(in_product_terms(problem->message));
  }
}

Characteristic parse_characteristic(const YamlAt& at, const std::string& id) {
  if (!at.node.IsMap()) at.fail("expected a mapping (units, nominal, accuracy_pct, ...)");
  check_keys(at, {"description", "units", "nominal", "accuracy_pct", "accuracy_abs", "low", "high", "comparator",
                  "spec_ref", "bands"});
  Characteristic c;
  c.id = id;
  c.description = read_optional_string(at, "description");
  c.limit.origin = origin_of(at);
  c.limit.limit = read_window(at);
  c.limit.limit.units = read_optional_string(at, "units");
  c.limit.limit.spec_ref = read_optional_string(at, "spec_ref");
  if (at.node["comparator"]) {
    const YamlAt key = at.child("comparator");
    const std::string name = read_string(key);
    c.limit.limit.comparator = comparator_from_string(name);
    if (!c.limit.limit.comparator) {
      key.fail("unknown comparator '" + name + "'; expected one of: GELE, GELT, GTLE, GTLT, GE, GT, LE, LT, EQ, NE");
    }
  }
  check_window(at, c.limit.limit);

  std::vector<YamlAt> band_nodes;
  if (at.node["bands"]) {
    const YamlAt bands = at.child("bands");
    if (!bands.node.IsSequence() || bands.node.size() == 0) {
      bands.fail("expected a non-empty list of bands ({when: {input: value}, nominal: …, accuracy_pct: …})");
    }
    for (std::size_t i = 0; i < bands.node.size(); ++i) {
      const YamlAt band_at{bands.file, bands.node[i], bands.key_path + "[" + std::to_string(i) + "]"};
      if (!band_at.node.IsMap()) band_at.fail("expected a mapping (when, nominal, accuracy_pct, ...)");
      check_keys(band_at, {"when", "nominal", "accuracy_pct", "accuracy_abs", "low", "high"});
      LimitBand band;
      if (band_at.node["when"]) {
        band.when = parse_band_condition(band_at.child("when"));
      } else if (i + 1 != bands.node.size()) {
        band_at.fail("missing key 'when'; only the last band may omit it (the default band)");
      }
      band.limit = read_window(band_at);
      check_window(band_at, band.limit);
      c.limit.bands.push_back(std::move(band));
      band_nodes.push_back(band_at);
    }
  }

  // Every window the characteristic can give is known here: check each now.
  try {
    if (c.limit.bands.empty()) combine_limit_layers({&c.limit.limit}, std::nullopt);
  } catch (const std::invalid_argument& e) {
    at.fail(in_product_terms(e.what()));
  }
  for (std::size_t i = 0; i < c.limit.bands.size(); ++i) {
    try {
      combine_limit_layers({&c.limit.limit, &c.limit.bands[i].limit}, std::nullopt);
    } catch (const std::invalid_argument& e) {
      band_nodes[i].fail(in_product_terms(e.what()));
    }
  }
  return c;
}

}  // namespace

ProductConfig load_product_file(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"id", "name", "part_number", "revision", "description", "pins", "characteristics"});
  ProductConfig product;
  product.file = file;
  product.id = read_file_id(doc, file_id(file));
  product.name = doc.node["name"] ? read_string(doc.child("name")) : product.id;
  product.part_number = read_optional_string(doc, "part_number");
  product.revision = read_optional_string(doc, "revision");
  product.description = read_optional_string(doc, "description");

  if (doc.node["pins"]) {
    const YamlAt pins = doc.child("pins");
    require_map(pins);
    if (pins.node.IsMap()) {
      for (const auto& item : pins.node) {
        const std::string pin = item.first.as<std::string>();
        const YamlAt at = pins.child(pin);
        check_keys(at, {"description", "net"});
        product.pins[pin] = PinConfig{pin, read_optional_string(at, "description"), read_optional_string(at, "net")};
      }
    }
  }
  if (doc.node["characteristics"]) {
    const YamlAt characteristics = doc.child("characteristics");
    require_map(characteristics);
    if (characteristics.node.IsMap()) {
      for (const auto& item : characteristics.node) {
        const std::string id = item.first.as<std::string>();
        Characteristic c = parse_characteristic(characteristics.child(id), id);
        // The line of the id, not of the first field of a block mapping.
        c.limit.origin = origin_of(YamlAt{characteristics.file, item.first, characteristics.child(id).key_path});
        product.characteristics[id] = std::move(c);
      }
    }
  }
  return product;
}

ProductConfig load_product(const std::filesystem::path& project_root, std::string_view id) {
  return load_product_file(project_file(project_root, "products", "product", id));
}

}  // namespace litmus::config
