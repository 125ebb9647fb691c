#pragma once
// The subcommands of `litmus`. Each add_*_command registers its options on
// the app and returns what runs it once the command line is parsed; that
// returns the process exit code (0 ok, 1 error) and throws litmus::Error
// (or another std::exception) for failures main() reports on one line.

#include <functional>

namespace CLI {
class App;
}

namespace litmus::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command add_serve_command(CLI::App& app);
Command add_recover_command(CLI::App& app);
Command add_runs_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_init_command(CLI::App& app);
Command add_new_test_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_discover_command(CLI::App& app);
Command add_sim_command(CLI::App& app);
Command add_station_command(CLI::App& app);
Command add_demo_command(CLI::App& app);
Command add_metrics_command(CLI::App& app);
Command add_mcp_command(CLI::App& app);
Command add_export_command(CLI::App& app);

}  // namespace litmus::cli
