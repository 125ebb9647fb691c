// `litmus metrics LENS`: how the line is doing, from the terminal — the
// Metrics page's lenses with the same filters (metrics/metrics_request.hpp
// validates both), as tables or --json (the /api/metrics/<lens> answer).

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/data_dir_option.hpp"
#include "cli/results_store.hpp"
#include "cli/text_table.hpp"
#include "cli/value_format.hpp"
#include "config/project_config.hpp"
#include "core/clock.hpp"
#include "core/data_dir.hpp"
#include "litmus/error.hpp"
#include "metrics/metrics_request.hpp"

namespace litmus::cli {
namespace {

using nlohmann::json;

struct MetricsOptions {
  std::string lens;
  std::filesystem::path data_dir;
  std::vector<std::string> phases;
  std::vector<std::string> products;
  std::vector<std::string> stations;
  std::vector<std::string> lots;
  std::string since;
  std::string until;
  std::string period;
  std::string top;
  std::string group_by;
  std::string min_samples;
  bool json = false;
};

// "12.3 %"; "—" when undefined (an empty window has no yield, not 0 %).
std::string percent(const json& share) {
  if (share.is_null()) return "—";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %%", share.get<double>() * 100);
  return text;
}

std::string fixed(const json& value, int decimals) {
  if (value.is_null()) return "—";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value.get<double>());
  return text;
}

std::string count(const json& value) { return std::to_string(value.get<std::int64_t>()); }

void print_summary(const json& s) {
  TextTable table({"Metric", "Value"});
  table.add_row({"Runs", count(s["runs"])});
  table.add_row({"Passed", count(s["passed"])});
  table.add_row({"Failed (total failures)", count(s["failed"])});
  table.add_row({"Errored", count(s["errored"])});
  table.add_row({"Aborted / terminated", count(s["aborted"]) + " / " + count(s["terminated"])});
  table.add_row({"First pass yield", percent(s["first_pass_yield"]) + "  (" + count(s["first_pass_passed"]) + " of " +
                                         count(s["serials"]) + " serials)"});
  table.add_row({"Final yield", percent(s["final_yield"]) + "  (" + count(s["final_passed"]) + " of " +
                                    count(s["serials"]) + " serials)"});
  table.add_row({"Serials not tested (aborted before a step)", count(s["untested_serials"])});
  table.add_row({"Runs without a serial", count(s["runs_without_serial"])});
  const json& d = s["duration"];
  if (!d.is_null()) {
    table.add_row({"Run time avg / min / max / P95 (s)", fixed(d["average_s"], 1) + " / " + fixed(d["min_s"], 1) +
                                                             " / " + fixed(d["max_s"], 1) + " / " +
                                                             fixed(d["p95_s"], 1)});
  }
  table.print(std::cout);
}

void print_trend(const json& answer) {
  TextTable table({"Period", "Runs", "Passed", "Failed", "Errored", "Yield"});
  for (const auto& p : answer["points"]) {
    table.add_row({p["period"], count(p["runs"]), count(p["passed"]), count(p["failed"]), count(p["errored"]),
                   percent(p["yield"])});
  }
  table.print(std::cout);
}

void print_pareto(const json& answer) {
  TextTable table({"#", "Group", "Failures", "Total", "Fail rate", "Cumulative"});
  int rank = 0;
  for (const auto& r : answer["rows"]) {
    table.add_row({std::to_string(++rank), r["label"], count(r["failures"]), count(r["total"]), percent(r["fail_rate"]),
                   percent(r["cumulative_share"])});
  }
  table.print(std::cout);
  std::cout << count(answer["total_failures"]) << " failures in all, by " << answer["group_by"].get<std::string>()
            << '\n';
}

void print_cpk(const json& answer) {
  TextTable table({"Product", "Station", "Measurement", "n", "Mean", "σ within", "LSL", "USL", "Cp", "Cpk", "Ppk",
                   "Cpk 95 % CI"});
  for (const auto& r : answer["rows"]) {
    std::string name = r["step_path"].get<std::string>() + ": " + r["name"].get<std::string>();
    if (r["vector_index"].get<std::int64_t>() > 0) name += " [" + count(r["vector_index"]) + "]";
    const auto value = [](const json& v) {
      return v.is_null() ? std::string("—") : display_number(v.get<double>());
    };
    const std::string interval =
        r["cpk"].is_null() ? r["undefined_reason"].get<std::string>()
                           : fixed(r["cpk_ci_low"], 2) + " – " + fixed(r["cpk_ci_high"], 2);
    table.add_row({r["product"], r["station"], name, count(r["n"]), display_number(r["mean"].get<double>()),
                   value(r["sigma_within"]), value(r["lsl"]), value(r["usl"]), fixed(r["cp"], 2), fixed(r["cpk"], 2),
                   fixed(r["ppk"], 2), interval});
  }
  table.print(std::cout);
}

void print_retest(const json& answer) {
  TextTable table({"Period", "Serials", "Retested", "Rate", "Avg retries"});
  for (const auto& p : answer["periods"]) {
    table.add_row(
        {p["period"], count(p["serials"]), count(p["retested"]), percent(p["rate"]), fixed(p["average_retries"], 2)});
  }
  table.print(std::cout);
  if (answer["no_fault_found"].empty()) return;
  std::cout << "\nFailed, then passed with nothing changed (likely no fault found):\n";
  TextTable nff({"Serial", "Product", "Station", "Fail → pass", "Passed in run"});
  for (const auto& n : answer["no_fault_found"]) {
    nff.add_row({n["serial"], n["product"], n["station"], count(n["count"]),
                 n["passed_run_id"].get<std::string>().substr(0, 8)});
  }
  nff.print(std::cout);
}

void print_time_loss(const json& answer) {
  TextTable table({"Period", "Passed (s)", "Failed (s)", "Errored (s)", "Other (s)", "Total (s)"});
  for (const auto& p : answer["periods"]) {
    table.add_row({p["period"], fixed(p["passed_s"], 1), fixed(p["failed_s"], 1), fixed(p["errored_s"], 1),
                   fixed(p["other_s"], 1), fixed(p["total_s"], 1)});
  }
  table.print(std::cout);
}

void print_assets(const json& answer) {
  TextTable table({"Role", "Resource", "Sessions", "Connected (s)", "Share", "Serial", "Calibration due"});
  for (const auto& a : answer["rows"]) {
    table.add_row({a["role"], a["resource"], count(a["sessions"]), fixed(a["connected_s"], 1), percent(a["share"]),
                   a["serial"], a["calibration_due"]});
  }
  table.print(std::cout);
}

int run_metrics_command(const MetricsOptions& options) {
  std::vector<std::pair<std::string, std::string>> parameters;
  for (const auto& v : options.phases) parameters.emplace_back("phase", v);
  for (const auto& v : options.products) parameters.emplace_back("product", v);
  for (const auto& v : options.stations) parameters.emplace_back("station", v);
  for (const auto& v : options.lots) parameters.emplace_back("lot", v);
  const std::pair<const char*, const std::string*> single[] = {
      {"since", &options.since}, {"until", &options.until},       {"period", &options.period},
      {"top", &options.top},     {"group_by", &options.group_by}, {"min_samples", &options.min_samples}};
  for (const auto& [name, value] : single) {
    if (!value->empty()) parameters.emplace_back(name, *value);
  }
  metrics::MetricsRequest request;
  try {
    request = metrics::parse_metrics_request(metrics::parse_lens(options.lens), parameters);
  } catch (const Error& error) {
    std::cerr << "litmus metrics: " << error.what() << '\n';
    return 2;  // a usage error: the command line, not the data
  }
  const auto data_dir = resolve_command_data_dir(options.data_dir, config::discover_project({}));
  const auto results = open_results_store(data_dir);
  if (!results) {
    std::cout << "no runs in " << store_path(data_dir).string() << '\n';
    return 0;
  }
  const json answer = metrics::run_metrics(results->db(), request, now_ns());
  if (options.json) {
    std::cout << answer.dump(2) << '\n';
    return 0;
  }
  switch (request.lens) {
    case metrics::Lens::summary:
      print_summary(answer);
      break;
    case metrics::Lens::trend:
      print_trend(answer);
      break;
    case metrics::Lens::pareto:
      print_pareto(answer);
      break;
    case metrics::Lens::cpk:
      print_cpk(answer);
      break;
    case metrics::Lens::retest:
      print_retest(answer);
      break;
    case metrics::Lens::time_loss:
      print_time_loss(answer);
      break;
    case metrics::Lens::assets:
      print_assets(answer);
      break;
  }
  return 0;
}

}  // namespace

Command add_metrics_command(CLI::App& app) {
  auto options = std::make_shared<MetricsOptions>();
  auto* sub = app.add_subcommand("metrics", "How the line is doing: yield, trend, Pareto, Cpk, retest, time loss, "
                                            "instrument use (definitions: docs/metrics.md)");
  sub->add_option("lens", options->lens, "summary, trend, pareto, cpk, retest, time-loss or assets")->required();
  sub->add_option("--phase", options->phases,
                  "Phases to include, repeatable or comma-separated; '*' for all (default: all but development)");
  sub->add_option("--product", options->products, "Only these part numbers (repeatable)");
  sub->add_option("--station", options->stations, "Only runs on these hostnames (repeatable)");
  sub->add_option("--lot", options->lots, "Only these DUT lots (repeatable)");
  sub->add_option("--since", options->since, "Runs started at or after: 2026-11-01, 2026-11-01T08:00:00Z, or ns");
  sub->add_option("--until", options->until, "Runs started before (same forms)");
  sub->add_option("--period", options->period, "trend, retest, time-loss: day, week or month (default day)");
  sub->add_option("--top", options->top, "pareto, retest: rows to show (default 15)");
  sub->add_option("--group-by", options->group_by, "pareto: product, step or measurement (default product)");
  sub->add_option("--min-samples", options->min_samples, "cpk: fewest values for an index (default 10)");
  sub->add_flag("--json", options->json, "Print the answer as JSON (as GET /api/metrics/<lens> does)");
  add_data_dir_option(*sub, options->data_dir);
  return {sub, [options] { return run_metrics_command(*options); }};
}

}  // namespace litmus::cli
