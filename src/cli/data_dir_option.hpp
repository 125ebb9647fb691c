#pragma once
// Where a command finds results (SPEC A1): --data-dir, else the project's
// `data_dir:`, else LITMUS_HOME, else ~/.local/share/litmus.

#include <filesystem>

#include "config/project_config.hpp"

namespace CLI {
class App;
}

namespace litmus::cli {

// Registers `--data-dir DIR` on `command`, stored into `flag`.
void add_data_dir_option(CLI::App& command, std::filesystem::path& flag);

std::filesystem::path resolve_command_data_dir(const std::filesystem::path& flag,
                                               const config::ProjectConfig& project);

}  // namespace litmus::cli
