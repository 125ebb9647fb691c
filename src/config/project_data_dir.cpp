#include "config/project_data_dir.hpp"

#include "core/data_dir.hpp"

namespace litmus::config {

std::filesystem::path project_data_dir(const std::filesystem::path& explicit_dir, const ProjectConfig& project) {
  if (explicit_dir.empty() && project.data_dir) return *project.data_dir;
  return resolve_data_dir(explicit_dir);
}

}  // namespace litmus::config
