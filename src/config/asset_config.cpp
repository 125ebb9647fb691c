#include "config/asset_config.hpp"

#include "config/instrument_type_key.hpp"
#include "config/iso_date.hpp"
#include "config/project_file.hpp"
#include "config/yaml_checks.hpp"

namespace litmus::config {

namespace {

std::string read_date(const YamlAt& at) {
  std::string text = read_string(at);
  if (!parse_iso_date(text)) at.fail("'" + text + "' is not a date; write YYYY-MM-DD, e.g. 2025-06-30");
  return text;
}

CalibrationInfo parse_calibration(const YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping (due, last, certificate, lab)");
  check_keys(at, {"due", "last", "certificate", "lab"});
  CalibrationInfo calibration;
  if (at.node["due"]) calibration.due = read_date(at.child("due"));
  if (at.node["last"]) calibration.last = read_date(at.child("last"));
  calibration.certificate = read_optional_string(at, "certificate");
  calibration.lab = read_optional_string(at, "lab");
  // ISO dates order as text once both are valid.
  if (!calibration.due.empty() && calibration.last > calibration.due) {
    at.child("last").fail("last calibration " + calibration.last + " is after its due date " + calibration.due);
  }
  return calibration;
}

}  // namespace

AssetConfig load_asset_file(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"id", "type", "manufacturer", "model", "serial", "firmware", "description", "calibration", "notes"});
  AssetConfig asset;
  asset.file = file;
  asset.id = read_file_id(doc, file_id(file));
  if (doc.node["type"]) asset.type = read_instrument_type(doc.child("type"));
  asset.identity.manufacturer = read_optional_string(doc, "manufacturer");
  asset.identity.model = read_optional_string(doc, "model");
  asset.identity.serial = read_optional_string(doc, "serial");
  asset.identity.firmware = read_optional_string(doc, "firmware");
  asset.description = read_optional_string(doc, "description");
  asset.notes = read_optional_string(doc, "notes");
  if (doc.node["calibration"]) asset.calibration = parse_calibration(doc.child("calibration"));
  return asset;
}

AssetConfig load_asset(const std::filesystem::path& project_root, std::string_view id) {
  return load_asset_file(project_file(project_root, "instruments", "asset", id));
}

std::vector<AssetConfig> load_assets(const std::filesystem::path& project_root) {
  std::vector<AssetConfig> assets;
  for (const auto& file : project_files(project_root, "instruments")) assets.push_back(load_asset_file(file));
  return assets;
}

}  // namespace litmus::config
