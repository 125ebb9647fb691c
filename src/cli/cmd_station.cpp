// `litmus station`: Station files: `litmus station init` writes them from discovered instruments.
// Placeholder until its issue-4 part lands.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace litmus::cli {

Command add_station_command(CLI::App& app) {
  auto* command = app.add_subcommand("station", "Station files: `litmus station init` writes them from discovered instruments");
  return {command, [] {
            std::cerr << "litmus station: not built yet\n";
            return 1;
          }};
}

}  // namespace litmus::cli
