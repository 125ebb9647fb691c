// `litmus runs`: the recorded test runs, newest first, as a table or JSON.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "cli/results_store.hpp"
#include "cli/run_outcome_text.hpp"
#include "cli/text_table.hpp"
#include "cli/value_format.hpp"
#include "core/data_dir.hpp"

namespace litmus::cli {
namespace {

struct RunsOptions {
  std::filesystem::path data_dir;
  bool json = false;
  int limit = 20;
  std::string station;
  std::string dut_serial;
  std::string outcome;
};

// Run ids are UUIDs: 8 characters tell them apart and `litmus show` takes them.
constexpr std::size_t kShortId = 8;

int run_runs(const RunsOptions& options) {
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  const auto results = open_results_store(data_dir);
  const store::RunQuery query{
      .limit = options.limit, .station = options.station, .dut_serial = options.dut_serial, .outcome = options.outcome};
  const auto rows = results ? results->runs(query) : std::vector<store::RunRow>{};
  if (options.json) {
    std::cout << nlohmann::json(rows).dump(2) << '\n';
    return 0;
  }
  const std::string where = store_path(data_dir).string();
  if (rows.empty()) {
    const bool filtered = !options.station.empty() || !options.dut_serial.empty() || !options.outcome.empty();
    if (filtered && results && results->run_count({}) > 0) {
      std::cout << "no runs match the filters in " << where << '\n';
    } else {
      std::cout << "no runs in " << where << '\n';
    }
    return 0;
  }
  TextTable table({"Run ID", "Started", "DUT Serial", "Project", "Station", "Outcome"});
  for (const auto& run : rows) {
    table.add_row({run.run_id.substr(0, kShortId), local_time(run.started_ts), run.dut_serial, run.project, run.station,
                   run_outcome_text(run)});
  }
  table.print(std::cout);
  const std::int64_t total = results->run_count(query);
  if (total > static_cast<std::int64_t>(rows.size())) {
    std::cout << "(" << rows.size() << " of " << total << " runs; --limit shows more)\n";
  }
  return 0;
}

}  // namespace

Command add_runs_command(CLI::App& app) {
  auto options = std::make_shared<RunsOptions>();
  auto* sub = app.add_subcommand("runs", "List recorded test runs, newest first");
  sub->add_flag("--json", options->json, "Print the full rows as a JSON array");
  sub->add_option("--limit", options->limit, "Runs to list")->check(CLI::Range(1, 1'000'000))->capture_default_str();
  sub->add_option("--station", options->station, "Only runs on this station");
  sub->add_option("--dut-serial", options->dut_serial, "Only runs of this device serial number");
  sub->add_option("--outcome", options->outcome, "Only runs with this outcome ('running': live runs)")
      ->check(CLI::IsMember(run_outcome_filters()));
  add_data_dir_option(*sub, options->data_dir);
  return {sub, [options] { return run_runs(*options); }};
}

}  // namespace litmus::cli
