// `litmus export RUN_OR_SESSION -f csv|json|jsonl|junit [-o DIR]`: a run's
// (or a whole session's) results for other tools — measurement rows with
// their run and step context, or JUnit XML for CI (docs/export.md).

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "cli/results_store.hpp"
#include "config/project_config.hpp"
#include "core/data_dir.hpp"
#include "export/junit_report.hpp"
#include "export/measurement_export.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {
namespace {

struct ExportOptions {
  std::filesystem::path data_dir;
  std::string id;
  std::string format = "csv";
  std::filesystem::path output_dir;
};

const char* extension(const std::string& format) {
  if (format == "junit") return ".xml";
  if (format == "jsonl") return ".jsonl";
  if (format == "json") return ".json";
  return ".csv";
}

int run_export(const ExportOptions& options) {
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  const auto results = open_results_store(data_dir);
  if (!results) throw Error("no runs in " + store_path(data_dir).string());
  // A run id first, then a session id (both accept a unique 8+ prefix).
  exporting::ExportScope scope;
  std::vector<std::string> run_ids;
  if (const auto run = results->run(options.id)) {
    scope.run_id = run->run_id;
    run_ids.push_back(run->run_id);
  } else if (const auto session = results->session(options.id)) {
    scope.session_id = session->session_id;
    auto q = results->db().prepare("SELECT run_id FROM runs WHERE session_id = ?1 ORDER BY started_ts, run_id");
    q.bind(1, session->session_id);
    while (q.step()) run_ids.push_back(q.column_text(0));
  } else {
    throw Error("no run or session " + options.id + " in " + store_path(data_dir).string());
  }

  std::ofstream file;
  std::filesystem::path path;
  if (!options.output_dir.empty()) {
    std::filesystem::create_directories(options.output_dir);
    const std::string& id = scope.run_id.empty() ? scope.session_id : scope.run_id;
    path = options.output_dir / (id + extension(options.format));
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) throw Error("cannot write " + path.string());
    file.exceptions(std::ios::badbit | std::ios::failbit);
  }
  std::ostream& out = options.output_dir.empty() ? std::cout : file;
  if (options.format == "junit") {
    exporting::write_junit(*results, run_ids, out);
  } else {
    const auto format = options.format == "json"    ? exporting::TableFormat::json
                        : options.format == "jsonl" ? exporting::TableFormat::jsonl
                                                    : exporting::TableFormat::csv;
    exporting::export_measurements(results->db(), scope, format, out);
  }
  if (!path.empty()) {
    file.close();
    std::cout << path.string() << '\n';
  }
  return 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Export a run's or a session's results: measurements as CSV, JSON or "
                                           "JSON Lines, or JUnit XML for CI");
  sub->add_option("RUN_OR_SESSION", options->id, "Run or session id, or a unique prefix of at least 8 characters")
      ->required();
  sub->add_option("-f,--format", options->format, "csv, json, jsonl or junit")
      ->check(CLI::IsMember({"csv", "json", "jsonl", "junit"}))
      ->capture_default_str();
  sub->add_option("-o,--output-dir", options->output_dir,
                  "Write <id>.<csv|json|jsonl|xml> in this directory (created if needed) and print its path; "
                  "default: standard output");
  add_data_dir_option(*sub, options->data_dir);
  return {sub, [options] { return run_export(*options); }};
}

}  // namespace litmus::cli
