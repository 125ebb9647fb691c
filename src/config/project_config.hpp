#pragma once
// The project: a directory with litmus.yaml (optional for now) and
// stations/. SPEC A1.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace litmus::config {

struct ProjectConfig {
  std::filesystem::path root;  // absolute
  std::string name;            // `name:`, else the directory name
  std::optional<std::filesystem::path> data_dir;  // absolute (relative ones resolved against root)
  std::string default_station;
  std::string default_fixture;
  std::string default_profile;
  bool mock_instruments = false;
  std::vector<std::string> required_inputs;
};

// Nearest directory from `start` upward holding litmus.yaml or stations/.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

// Reads <root>/litmus.yaml strictly (unknown keys and wrong types are
// ConfigErrors naming file, line and key). A missing litmus.yaml gives the
// defaults.
ProjectConfig load_project(const std::filesystem::path& root);

// The project directory for a command or connect(): `explicit_root` if
// given, else LITMUS_PROJECT, else find_project_root(cwd), else the cwd.
std::filesystem::path discover_project_root(const std::filesystem::path& explicit_root);

// load_project(discover_project_root(explicit_root)).
ProjectConfig discover_project(const std::filesystem::path& explicit_root);

}  // namespace litmus::config
