#include "cli/data_dir_option.hpp"

#include <CLI/CLI.hpp>

#include "core/data_dir.hpp"

namespace litmus::cli {

void add_data_dir_option(CLI::App& command, std::filesystem::path& flag) {
  command.add_option("--data-dir", flag,
                     "Results directory (default: project data_dir, LITMUS_HOME, ~/.local/share/litmus)");
}

std::filesystem::path resolve_command_data_dir(const std::filesystem::path& flag,
                                               const config::ProjectConfig& project) {
  if (!flag.empty()) return std::filesystem::absolute(flag);
  if (project.data_dir) return *project.data_dir;
  return litmus::resolve_data_dir({});
}

}  // namespace litmus::cli
