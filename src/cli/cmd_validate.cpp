// `litmus validate [PATHS...] [--project DIR] [--json]`: every problem of
// the project's files (or of the files named, with the references they
// take part in), one per line, then "N files checked, M problems". Exit 0
// when clean, 1 otherwise.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "config/project_check.hpp"
#include "config/project_config.hpp"

namespace litmus::cli {
namespace {

struct ValidateOptions {
  std::vector<std::filesystem::path> paths;
  std::filesystem::path project_dir;
  bool json = false;
};

std::string counted(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int run_validate(const ValidateOptions& options) {
  const auto root = config::discover_project_root(options.project_dir);
  const config::ProjectCheck check =
      options.paths.empty() ? config::check_project(root) : config::check_project_files(root, options.paths);
  if (options.json) {
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : check.problems) {
      problems.push_back({{"file", p.file},
                          {"line", p.line > 0 ? nlohmann::json(p.line) : nlohmann::json()},
                          {"key", p.key},
                          {"message", p.message}});
    }
    const nlohmann::json report{{"files_checked", check.files_checked}, {"problems", std::move(problems)}};
    std::cout << report.dump(2) << '\n';
  } else {
    for (const auto& p : check.problems) std::cout << p.text() << '\n';
    std::cout << counted(check.files_checked, "file") << " checked, " << counted(check.problems.size(), "problem")
              << '\n';
  }
  return check.problems.empty() ? 0 : 1;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = app.add_subcommand(
      "validate", "Check every project file (litmus.yaml, stations, products, fixtures, instruments, profiles, tests)");
  command->add_option("paths", options->paths,
                      "Files or folders to check, with the references they take part in (default: the whole project)");
  command->add_option("--project", options->project_dir, "Project directory (default: nearest litmus.yaml upward)");
  command->add_flag("--json", options->json, "Print {files_checked, problems: [{file, line, key, message}]} as JSON");
  return {command, [options] { return run_validate(*options); }};
}

}  // namespace litmus::cli
