#include "config/project_file.hpp"

#include <algorithm>

#include "litmus/error.hpp"

namespace litmus::config {

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::filesystem::path project_file(const std::filesystem::path& project_root, std::string_view folder,
                                   std::string_view kind, std::string_view id) {
  if (!valid_id(id)) {
    throw ConfigError(std::string(kind) + " id '" + std::string(id) +
                      "' is not valid: use letters, digits, '_' and '-'");
  }
  const auto file = project_root / folder / (std::string(id) + ".yaml");
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    throw ConfigError(file.string() + ": file not found (" + std::string(kind) + " '" + std::string(id) +
                      "' of the project at " + project_root.string() + ")");
  }
  return file;
}

std::vector<std::filesystem::path> project_files(const std::filesystem::path& project_root, std::string_view folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(project_root / folder, error)) {
    if (entry.path().extension() == ".yaml" && entry.is_regular_file(error)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string file_id(const std::filesystem::path& file) { return file.stem().string(); }

std::string read_file_id(const YamlAt& doc, std::string_view expected_id) {
  if (doc.node.IsNull() || !doc.node["id"]) doc.fail("missing key 'id'");
  std::string id = read_string(doc.child("id"));
  if (!valid_id(expected_id)) {
    doc.child("id").fail("the file name '" + std::string(expected_id) +
                         "' is not a valid id: use letters, digits, '_' and '-'");
  }
  if (id != expected_id) {
    doc.child("id").fail("id '" + id + "' does not match the file name '" + std::string(expected_id) + "'");
  }
  return id;
}

}  // namespace litmus::config
