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
#include "core/timestamp.hpp"

namespace litmus::cli {
namespace {

struct RunsOptions {
  std::filesystem::path data_dir;
  bool json = false;
  store::RunQuery query{.limit = 20};
};

// A CLI11 validator for --since/--until: what parse_timestamp_ns accepts.
CLI::Validator timestamp_validator() {
  return CLI::Validator(
      [](const std::string& text) -> std::string {
        if (parse_timestamp_ns(text)) return {};
        return "'" + text + "' is not a time: give " + std::string(kTimestampForms);
      },
      "TIME");
}

bool filtered(const store::RunQuery& q) {
  return !q.station.empty() || !q.dut_serial.empty() || !q.outcome.empty() || !q.project.empty() ||
         !q.phase.empty() || q.since_ns || q.until_ns;
}

// Run ids are UUIDs: 8 characters tell them apart and `litmus show` takes them.
constexpr std::size_t kShortId = 8;

int run_runs(const RunsOptions& options) {
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  const auto results = open_results_store(data_dir);
  const store::RunQuery& query = options.query;
  const auto rows = results ? results->runs(query) : std::vector<store::RunRow>{};
  if (options.json) {
    std::cout << nlohmann::json(rows).dump(2) << '\n';
    return 0;
  }
  const std::string where = store_path(data_dir).string();
  if (rows.empty()) {
    if (filtered(query) && results && results->run_count({}) > 0) {
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
  auto& query = options->query;
  sub->add_option("--limit", query.limit, "Runs to list")->check(CLI::Range(1, 1'000'000))->capture_default_str();
  sub->add_option("--since", "Only runs started at or after: 2026-11-01, 2026-11-01T08:00:00Z or ns")
      ->check(timestamp_validator())
      ->each([&query](const std::string& text) { query.since_ns = parse_timestamp_ns(text); });
  sub->add_option("--until", "Only runs started before (same forms)")
      ->check(timestamp_validator())
      ->each([&query](const std::string& text) { query.until_ns = parse_timestamp_ns(text); });
  sub->add_option("--station", query.station, "Only runs on this station id");
  sub->add_option("--serial,--dut-serial", query.dut_serial, "Only runs of this device serial number");
  sub->add_option("--outcome", query.outcome, "Only runs with this outcome ('running': live runs)")
      ->check(CLI::IsMember(run_outcome_filters()));
  sub->add_option("--project", query.project, "Only runs of this project");
  sub->add_option("--phase", query.phase, "Only runs in this test phase");
  add_data_dir_option(*sub, options->data_dir);
  return {sub, [options] {
            const auto& q = options->query;
            if (q.since_ns && q.until_ns && *q.since_ns >= *q.until_ns) {
              std::cerr << "litmus runs: --since must be before --until\n";
              return 2;
            }
            return run_runs(*options);
          }};
}

}  // namespace litmus::cli
