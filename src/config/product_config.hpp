#pragma once
// products/<id>.yaml (SPEC B5): what the DUT is — part number, revision,
// pins — and its characteristics, the specified values measurements are
// judged against (nominal ± accuracy, optionally per condition band).
//
//   id: board_a
//   part_number: PN-1001
//   revision: B
//   pins:
//     TP3: {description: 3.3 V rail test point, net: +3V3}
//   characteristics:
//     rail_3v3:
//       units: V
//       nominal: 3.3
//       accuracy_pct: 5
//       spec_ref: DS-1001 §4.2
//       bands:
//         - {when: {vin: 5.5}, accuracy_pct: 6}

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "limits/limit_spec.hpp"

namespace litmus::config {

struct PinConfig {
  std::string id;  // the key under pins:
  std::string description;
  std::string net;
};

struct Characteristic {
  std::string id;  // the key under characteristics:
  std::string description;
  // The window as a limit: accuracy_pct/accuracy_abs are stored as
  // tolerance_pct/tolerance_abs, bands likewise; origin is
  // "products/board_a.yaml:12 (characteristics.rail_3v3)". Never sets
  // characteristic or guardband_pct.
  LimitSpec limit;
};

struct ProductConfig {
  std::filesystem::path file;
  std::string id;  // equals the file name without .yaml
  std::string name;
  std::string part_number;
  std::string revision;
  std::string description;
  std::map<std::string, PinConfig, std::less<>> pins;
  std::map<std::string, Characteristic, std::less<>> characteristics;
};

// Loads <project_root>/products/<id>.yaml strictly. Throws ConfigError
// naming the file (and line and key) when missing or invalid.
ProductConfig load_product(const std::filesystem::path& project_root, std::string_view id);

// Loads one product file; its id must be the file name without .yaml.
ProductConfig load_product_file(const std::filesystem::path& file);

}  // namespace litmus::config
