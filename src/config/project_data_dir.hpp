#pragma once
// Where a project's results live (SPEC A1): the explicit --data-dir, else
// litmus.yaml's data_dir:, else LITMUS_HOME, else ~/.local/share/litmus.
// The one place that order is written; commands and sessions call it.

#include <filesystem>

#include "config/project_config.hpp"

namespace litmus::config {

// Absolute. Throws litmus::Error when nothing gives a directory (no HOME).
std::filesystem::path project_data_dir(const std::filesystem::path& explicit_dir, const ProjectConfig& project);

}  // namespace litmus::config
