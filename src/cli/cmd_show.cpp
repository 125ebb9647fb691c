// `litmus show RUN_ID`: one run in full — its header, every step attempt
// and every measurement — as text, JSON, or CSV (one row a measurement).

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "cli/results_store.hpp"
#include "cli/run_outcome_text.hpp"
#include "cli/text_table.hpp"
#include "cli/value_format.hpp"
#include "export/html_report.hpp"
#include "export/measurement_export.hpp"
#include "core/data_dir.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {
namespace {

using nlohmann::json;

struct ShowOptions {
  std::filesystem::path data_dir;
  std::string run_id;
  std::string format = "text";
};

struct RunRecord {
  store::RunRow run;
  std::vector<store::StepRow> steps;
  std::vector<store::MeasurementRow> measurements;
};

// Inputs are a JSON object; `{}` (no sweep) prints as nothing.
std::string inputs_text(const std::string& inputs) { return inputs == "{}" ? std::string() : inputs; }

std::string optional_text(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string();
}

void print_header(const store::RunRow& r, std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> fields{
      {"Run", r.run_id},
      {"Session", r.session_id},
      {"Outcome", run_outcome_text(r)},
      {"Reason", r.reason},
      {"Closed by", r.synthetic_end ? "recovery (the process died)" : ""},
      {"Started", local_time(r.started_ts)},
      {"Ended", local_time(r.ended_ts)},
      {"Duration", duration(r.duration_ns)},
      {"DUT serial", r.dut_serial},
      {"DUT part number", r.dut_part_number},
      {"DUT revision", r.dut_revision},
      {"DUT lot number", r.dut_lot_number},
      {"Product", r.product},
      {"Fixture", r.fixture},
      {"Station", r.station},
      {"Operator", r.operator_name},
      {"Phase", r.phase},
      {"Profile", r.profile},
      {"Project", r.project},
      {"Program", r.program},
      {"Git commit", r.git_commit},
      {"Git branch", r.git_branch},
      {"Mocked", r.mocked ? "yes" : ""},
      {"Filter", r.filter},
      {"Guardband", r.guardband_pct ? display_number(r.guardband_pct) + " %" : ""},
      {"Environment", r.environment},
      {"Counts", r.counts},
      {"Steps", std::to_string(r.step_count)},
      {"Measurements", std::to_string(r.measurement_count)},
  };
  // Only the fields that are set print, aligned among themselves.
  std::erase_if(fields, [](const auto& field) { return field.second.empty(); });
  std::size_t width = 0;
  for (const auto& [label, value] : fields) width = std::max(width, label.size());
  for (const auto& [label, value] : fields)
    out << label << ':' << std::string(width - label.size() + 2, ' ') << value << '\n';
}

void print_text(const RunRecord& record, std::ostream& out) {
  print_header(record.run, out);
  out << "\nSteps\n";
  if (record.steps.empty()) {
    out << "  none recorded\n";
  } else {
    TextTable steps({"Step", "Vector", "Retry", "Inputs", "Outcome", "Duration"});
    for (const auto& s : record.steps) {
      steps.add_row({s.step_path, std::to_string(s.vector_index), std::to_string(s.vector_retry), inputs_text(s.inputs),
                     step_outcome_text(s), duration(s.duration_ns)});
    }
    steps.print(out);
  }
  out << "\nMeasurements\n";
  if (record.measurements.empty()) {
    out << "  none recorded\n";
  } else {
    TextTable measurements({"Step", "Vector", "Name", "Value", "Units", "Low", "High", "Comparator", "Outcome"});
    for (const auto& m : record.measurements) {
      measurements.add_row({m.step_path, optional_text(m.vector_index), m.name, display_number(m.value), m.units,
                            display_number(m.low), display_number(m.high), m.comparator, m.outcome});
    }
    measurements.print(out);
  }
}

void print_json(const RunRecord& record, std::ostream& out) {
  out << json{{"run", record.run}, {"steps", record.steps}, {"measurements", record.measurements}}.dump(2) << '\n';
}

int run_show(const ShowOptions& options) {
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  const auto results = open_results_store(data_dir);
  auto run = results ? results->run(options.run_id) : std::nullopt;  // AmbiguousId lists the candidates
  if (!run) throw Error("no run " + options.run_id + " in " + store_path(data_dir).string());
  if (options.format == "html") {
    exporting::write_html_report(*results, run->run_id, std::cout);
    return 0;
  }
  if (options.format == "csv") {
    exporting::export_measurements(results->db(), {.run_id = run->run_id}, exporting::TableFormat::csv, std::cout);
    return 0;
  }
  RunRecord record{*run, results->steps(run->run_id), results->measurements(run->run_id)};
  if (options.format == "json") {
    print_json(record, std::cout);
  } else {
    print_text(record, std::cout);
  }
  return 0;
}

}  // namespace

Command add_show_command(CLI::App& app) {
  auto options = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "Show one run: its steps and measurements");
  sub->add_option("RUN_ID", options->run_id, "Run id, or a unique prefix of at least 8 characters")->required();
  sub->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  add_data_dir_option(*sub, options->data_dir);
  return {sub, [options] { return run_show(*options); }};
}

}  // namespace litmus::cli
