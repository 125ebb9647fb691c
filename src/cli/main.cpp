// `litmus`: one command, one subcommand per task (SPEC E3).
// Exit codes: 0 ok, 1 error, 2 usage.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "litmus/version.hpp"

int main(int argc, char** argv) {
  using litmus::cli::Command;
  CLI::App app{"Litmus: hardware tests, recorded, live and measured", "litmus"};
  app.require_subcommand(1);

  std::vector<Command> commands{litmus::cli::add_serve_command(app), litmus::cli::add_recover_command(app),
                               litmus::cli::add_init_command(app), litmus::cli::add_new_test_command(app),
                               litmus::cli::add_runs_command(app), litmus::cli::add_show_command(app),
                               litmus::cli::add_validate_command(app), litmus::cli::add_discover_command(app),
                               litmus::cli::add_station_command(app), litmus::cli::add_sim_command(app),
                               litmus::cli::add_demo_command(app),
                               litmus::cli::add_metrics_command(app), litmus::cli::add_mcp_command(app),
                               litmus::cli::add_export_command(app)};
  auto* version = app.add_subcommand("version", "Print the version");
  commands.push_back({version, [] {
                        std::cout << "litmus " << litmus::version() << '\n';
                        return 0;
                      }});

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, or the error with a hint
    return code == 0 ? 0 : 2;
  }
  for (const auto& command : commands) {
    if (!command.app->parsed()) continue;
    try {
      return command.run();
    } catch (const std::exception& e) {
      std::cerr << "litmus " << command.app->get_name() << ": " << e.what() << '\n';
      return 1;
    }
  }
  return 2;  // unreachable: require_subcommand(1) makes parse() fail first
}
