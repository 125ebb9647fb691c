#pragma once
// instruments/<id>.yaml (SPEC A5): one physical instrument — who it is and
// when it is due for calibration. A station instrument points at it with
// `asset: <id>`; `litmus station init` writes these files.
//
//   id: dmm_34461a_my123
//   type: dmm
//   manufacturer: Keysight Technologies
//   model: 34461A
//   serial: MY12345678
//   firmware: A.03.01
//   calibration:
//     last: 2024-06-01
//     due: 2025-06-01
//     certificate: CERT-2024-0117
//     lab: Acme Metrology

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/instrument_identity.hpp"

namespace litmus::config {

struct AssetConfig {
  std::filesystem::path file;
  std::string id;    // equals the file name without .yaml
  std::string type;  // an instrument type ("dmm"); empty: not said
  // What *IDN? must answer; an empty field is not compared.
  InstrumentIdentity identity;
  // Dates are checked ISO dates, last <= due; each may be empty.
  CalibrationInfo calibration;
  std::string description;
  std::string notes;
};

// Loads <project_root>/instruments/<id>.yaml strictly. Throws ConfigError
// naming the file (and line and key) when missing or invalid.
AssetConfig load_asset(const std::filesystem::path& project_root, std::string_view id);

// Loads one asset file; its id must be the file name without .yaml.
AssetConfig load_asset_file(const std::filesystem::path& file);

// Every instruments/*.yaml of the project, sorted by id. Throws on the
// first invalid file.
std::vector<AssetConfig> load_assets(const std::filesystem::path& project_root);

}  // namespace litmus::config
