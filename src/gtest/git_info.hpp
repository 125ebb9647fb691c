#pragma once
// The git state of the project a run was made from, for traceability.

#include <filesystem>
#include <string>

namespace litmus::gtest_runner {

struct GitInfo {
  std::string commit;  // full hash; empty outside a git work tree or without git
  std::string branch;  // empty when detached
  bool dirty = false;  // uncommitted changes to tracked files
};

GitInfo read_git_info(const std::filesystem::path& dir);

}  // namespace litmus::gtest_runner
