#pragma once
// stations/<id>.yaml (SPEC A2), validated strictly.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::config {

struct InstrumentConfig {
  std::string role;      // the key under instruments:
  std::string type;      // "dmm", "scope"
  std::string driver;    // model driver name; empty: generic
  std::string resource;  // VISA resource; empty for mocks
  bool mock = false;     // `mock: true` on this instrument
  // Method name → mock value spec (constant, list, map keyed by the first
  // argument, or generator); validated against the type's methods.
  nlohmann::json mock_config = nlohmann::json::object();
  std::vector<std::string> channels;
  std::string asset;  // instruments/<id>.yaml
};

struct StationConfig {
  std::filesystem::path file;
  std::string id;
  std::string name;
  std::string hostname;
  std::string location;
  std::string description;
  std::vector<std::string> supported_phases;
  std::vector<InstrumentConfig> instruments;  // in file order
};

void to_json(nlohmann::json& j, const InstrumentConfig& c);
void to_json(nlohmann::json& j, const StationConfig& c);

// Loads <project_root>/stations/<id>.yaml. Throws ConfigError naming the
// file (and line and key) when missing or invalid.
StationConfig load_station(const std::filesystem::path& project_root, std::string_view id);

// Loads one station file; its id must be the file name without .yaml.
StationConfig load_station_file(const std::filesystem::path& file);

// Every stations/*.yaml of the project, sorted by id. Throws on the first
// invalid file.
std::vector<StationConfig> load_stations(const std::filesystem::path& project_root);

}  // namespace litmus::config
