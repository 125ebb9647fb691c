#pragma once
// Where a command finds results (SPEC A1): --data-dir, else the project's
// `data_dir:`, else LITMUS_HOME, else ~/.local/share/litmus.

#include <filesystem>

#include "config/project_config.hpp"

namespace litmus::cli {

std::filesystem::path resolve_command_data_dir(const std::filesystem::path& flag,
                                               const config::ProjectConfig& project);

}  // namespace litmus::cli
