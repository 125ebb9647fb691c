#pragma once
// `litmus validate`: every problem of a project's files, not just the
// first — each file's own errors (unknown keys, wrong types, an id that is
// not the file name, …) and the references between files: a station's
// `asset:`, a fixture's station, product, roles, channels and pins,
// litmus.yaml's defaults, a profile's `extends`, hostnames claimed twice.
// Rules: docs/configuration.md, "Cross-references".

#include <filesystem>
#include <vector>

#include "config/yaml_checks.hpp"

namespace litmus::config {

struct ProjectCheck {
  // Sorted by file and line; files are relative to the project root.
  std::vector<ConfigProblem> problems;
  std::size_t files_checked = 0;
};

// Every file of the project at `root`: litmus.yaml, stations/, products/,
// fixtures/, instruments/, profiles/ (*.yaml) and tests/**/*.yaml.
ProjectCheck check_project(const std::filesystem::path& root);

// Only `files` (or every project file under a directory given) and the
// references they take part in; the rest of the project is read for those
// references, its own problems left out. A path that is no project file
// is a problem.
ProjectCheck check_project_files(const std::filesystem::path& root, const std::vector<std::filesystem::path>& files);

}  // namespace litmus::config
