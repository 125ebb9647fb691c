#include "config/project_config.hpp"

#include <cstdlib>

#include "config/yaml_checks.hpp"

namespace litmus::config {

std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start) {
  std::error_code error;
  auto dir = std::filesystem::absolute(start, error);
  if (error) return std::nullopt;
  while (true) {
    if (std::filesystem::exists(dir / "litmus.yaml", error) || std::filesystem::is_directory(dir / "stations", error)) {
      return dir;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

ProjectConfig load_project(const std::filesystem::path& root) {
  ProjectConfig project;
  project.root = std::filesystem::absolute(root).lexically_normal();
  project.name = project.root.filename().string();
  const auto file = project.root / "litmus.yaml";
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return project;

  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"name", "data_dir", "default_station", "default_fixture", "default_profile", "mock_instruments",
                   "required_inputs"});
  if (doc.node.IsNull()) return project;
  if (doc.node["name"]) project.name = read_string(doc.child("name"));
  if (doc.node["data_dir"]) {
    std::filesystem::path dir = read_string(doc.child("data_dir"));
    if (dir.empty()) doc.child("data_dir").fail("must not be empty");
    project.data_dir = dir.is_absolute() ? dir : project.root / dir;
  }
  if (doc.node["default_station"]) project.default_station = read_string(doc.child("default_station"));
  if (doc.node["default_fixture"]) project.default_fixture = read_string(doc.child("default_fixture"));
  if (doc.node["default_profile"]) project.default_profile = read_string(doc.child("default_profile"));
  if (doc.node["mock_instruments"]) project.mock_instruments = read_bool(doc.child("mock_instruments"));
  if (doc.node["required_inputs"]) project.required_inputs = read_string_list(doc.child("required_inputs"));
  return project;
}

std::filesystem::path discover_project_root(const std::filesystem::path& explicit_root) {
  if (!explicit_root.empty()) return explicit_root;
  if (const char* env = std::getenv("LITMUS_PROJECT"); env && *env) return env;
  const auto cwd = std::filesystem::current_path();
  return find_project_root(cwd).value_or(cwd);
}

ProjectConfig discover_project(const std::filesystem::path& explicit_root) {
  return load_project(discover_project_root(explicit_root));
}

}  // namespace litmus::config
