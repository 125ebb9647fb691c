// `litmus validate`: Check every project file (litmus.yaml, stations, products, fixtures, instruments, profiles).
// Placeholder until its issue-4 part lands.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace litmus::cli {

Command add_validate_command(CLI::App& app) {
  auto* command = app.add_subcommand("validate", "Check every project file (litmus.yaml, stations, products, fixtures, instruments, profiles)");
  return {command, [] {
            std::cerr << "litmus validate: not built yet\n";
            return 1;
          }};
}

}  // namespace litmus::cli
