#include "gtest/git_info.hpp"

#include <array>
#include <cstdio>
#include <memory>

namespace litmus::gtest_runner {

namespace {

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// stdout of `git -C dir <args>` without the trailing newline; empty when git
// is missing or fails (not a repository): traceability is best effort and
// never stops a run.
std::string git(const std::filesystem::path& dir, const char* args) {
  const std::string command = "git -C " + shell_quote(dir.string()) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) return {};
  std::string output;
  std::array<char, 256> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr) output += buffer.data();
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
  return output;
}

}  // namespace

GitInfo read_git_info(const std::filesystem::path& dir) {
  GitInfo info;
  info.commit = git(dir, "rev-parse --verify -q HEAD");
  if (info.commit.empty()) return info;
  info.branch = git(dir, "symbolic-ref --short -q HEAD");
  info.dirty = !git(dir, "status --porcelain --untracked-files=no").empty();
  return info;
}

}  // namespace litmus::gtest_runner
