#pragma once
// What every per-id project file shares (stations/<id>.yaml,
// products/<id>.yaml, ...): the id rules, finding the file, and the `id:`
// key that must match the file name.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/yaml_checks.hpp"

namespace litmus::config {

// Letters, digits, '_' and '-'; not empty.
bool valid_id(std::string_view id);

// <project_root>/<folder>/<id>.yaml. Throws ConfigError for an invalid id or
// a missing file, naming `kind` ("station", "product") and the project.
std::filesystem::path project_file(const std::filesystem::path& project_root, std::string_view folder,
                                   std::string_view kind, std::string_view id);

// Every <project_root>/<folder>/*.yaml, sorted by name; none when the
// folder is missing.
std::vector<std::filesystem::path> project_files(const std::filesystem::path& project_root, std::string_view folder);

// The id a per-id file must declare: its name without .yaml.
std::string file_id(const std::filesystem::path& file);

// The document's required `id:`, which must equal `expected_id`.
std::string read_file_id(const YamlAt& doc, std::string_view expected_id);

}  // namespace litmus::config
