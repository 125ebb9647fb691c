// `litmus sim`: Start a SCPI instrument simulator on loopback.
// Placeholder until its issue-4 part lands.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace litmus::cli {

Command add_sim_command(CLI::App& app) {
  auto* command = app.add_subcommand("sim", "Start a SCPI instrument simulator on loopback");
  return {command, [] {
            std::cerr << "litmus sim: not built yet\n";
            return 1;
          }};
}

}  // namespace litmus::cli
