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

std::string read_file_id(const YamlAt& doc, std::string_view expected_id) {
  if (doc.node.IsNull() || !doc.node["id"]) doc.fail("missing key 'id'");
  std::string id = read_string(doc.child("id"));
  if (id != expected_id) {
    doc.child("id").fail("id '" + id + "' does not match the file name '" + std::string(expected_id) + "'");
  }
  return id;
}

}  // namespace litmus::config
