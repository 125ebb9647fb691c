// `litmus discover`: List reachable instruments (LXI/VXI-11, serial ports, USBTMC) with their *IDN?.
// Placeholder until its issue-4 part lands.

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

namespace litmus::cli {

Command add_discover_command(CLI::App& app) {
  auto* command = app.add_subcommand("discover", "List reachable instruments (LXI/VXI-11, serial ports, USBTMC) with their *IDN?");
  return {command, [] {
            std::cerr << "litmus discover: not built yet\n";
            return 1;
          }};
}

}  // namespace litmus::cli
