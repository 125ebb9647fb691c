#include "cli/data_dir_option.hpp"

#include <CLI/CLI.hpp>

#include "config/project_data_dir.hpp"

namespace litmus::cli {

void add_data_dir_option(CLI::App& command, std::filesystem::path& flag) {
  command.add_option("--data-dir", flag,
                     "Results directory (default: project data_dir, LITMUS_HOME, ~/.local/share/litmus)");
}

std::filesystem::path resolve_command_data_dir(const std::filesystem::path& flag,
                                               const config::ProjectConfig& project) {
  return config::project_data_dir(flag, project);
}

}  // namespace litmus::cli
