#include "cli/data_dir_option.hpp"

#include "core/data_dir.hpp"

namespace litmus::cli {

std::filesystem::path resolve_command_data_dir(const std::filesystem::path& flag,
                                               const config::ProjectConfig& project) {
  if (!flag.empty()) return std::filesystem::absolute(flag);
  if (project.data_dir) return *project.data_dir;
  return litmus::resolve_data_dir({});
}

}  // namespace litmus::cli
