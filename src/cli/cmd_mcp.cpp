// `litmus mcp` (or `litmus mcp serve`): the Model Context Protocol on
// stdin/stdout for AI assistants (docs/mcp.md). Read-only: the store is
// opened read-only and every tool is a GET of the HTTP API.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "cli/results_store.hpp"
#include "config/project_config.hpp"
#include "core/data_dir.hpp"
#include "litmus/version.hpp"
#include "mcp/litmus_tools.hpp"
#include "mcp/mcp_server.hpp"
#include "server/router.hpp"
#include "server/station_catalog.hpp"

namespace litmus::cli {
namespace {

struct McpOptions {
  std::filesystem::path data_dir;
  std::filesystem::path project_dir;
};

constexpr const char* kInstructions =
    "Litmus records hardware test runs: sessions, runs, steps, measurements with limits, instrument events. "
    "Start with litmus_runs (action=list) or litmus_metrics (action=summary); ids may be given by their first 8 "
    "characters. Times are ns since the epoch, UTC.";

int run_mcp(const McpOptions& options) {
  const auto project = config::discover_project(options.project_dir);
  const auto data_dir = resolve_command_data_dir(options.data_dir, project);
  // Opened read-only (upgraded first if it is from an older release).
  const auto results = open_results_store(data_dir);
  const server::StationCatalog stations(project.root);
  std::unique_ptr<server::Router> router;
  if (results) router = std::make_unique<server::Router>(*results, stations, data_dir);
  mcp::LitmusTools tools(router.get(),
                         "no results store at " + store_path(data_dir).string() + " yet: no test has run there");
  mcp::McpServer server(tools, {"litmus", std::string(version()), kInstructions});
  std::cerr << "litmus mcp: serving " << store_path(data_dir).string() << " on stdin/stdout\n";
  server.serve(std::cin, std::cout);
  return 0;
}

}  // namespace

Command add_mcp_command(CLI::App& app) {
  auto options = std::make_shared<McpOptions>();
  auto* sub = app.add_subcommand("mcp", "Model Context Protocol server on stdio for AI assistants (read-only)");
  // `litmus mcp serve` reads as well as `litmus mcp`.
  sub->add_subcommand("serve", "The same: serve MCP on stdin/stdout")->fallthrough();
  sub->fallthrough();
  add_data_dir_option(*sub, options->data_dir);
  sub->add_option("--project", options->project_dir, "Project directory (for its stations)");
  return {sub, [options] { return run_mcp(*options); }};
}

}  // namespace litmus::cli
