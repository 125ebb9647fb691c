#include "export/junit_report.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "core/timestamp.hpp"

namespace litmus::exporting {

namespace {

std::string seconds(std::optional<std::int64_t> ns) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", static_cast<double>(ns.value_or(0)) / 1e9);
  return text;
}

std::string number_text(std::optional<double> value) {
  if (!value) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", *value);
  return text;
}

// "v_rail = 3.5 V (limits 3.2 .. 3.4): failed"
std::string measurement_line(const store::MeasurementRow& m) {
  std::string line = m.name + " = " + number_text(m.value);
  if (!m.units.empty()) line += " " + m.units;
  if (m.low || m.high) line += " (limits " + number_text(m.low) + " .. " + number_text(m.high) + ")";
  if (!m.outcome.empty()) line += ": " + m.outcome;
  return line;
}

// GoogleTest's failure messages of the attempt, one per line.
std::string failure_text(const store::StepRow& step) {
  std::string text;
  const auto failures = nlohmann::json::parse(step.failures.empty() ? "[]" : step.failures, nullptr, false);
  if (failures.is_array()) {
    for (const auto& failure : failures) {
      if (failure.is_object()) text += failure.value("message", "") + "\n";
    }
  }
  if (!step.error.empty()) text += step.error + "\n";
  return text;
}

void add_property(pugi::xml_node properties, const char* name, const std::string& value) {
  if (value.empty()) return;
  auto property = properties.append_child("property");
  property.append_attribute("name") = name;
  property.append_attribute("value") = value.c_str();
}

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  void set_on(pugi::xml_node node) const {
    node.append_attribute("tests") = tests;
    node.append_attribute("failures") = failures;
    node.append_attribute("errors") = errors;
    node.append_attribute("skipped") = skipped;
  }
};

Counts write_suite(store::EventStore& store, const store::RunRow& run, pugi::xml_node suites) {
  auto suite = suites.append_child("testsuite");
  std::string name = run.program.empty() ? run.run_id : run.program;
  if (!run.dut_serial.empty()) name += " (" + run.dut_serial + ")";
  suite.append_attribute("name") = name.c_str();
  suite.append_attribute("id") = run.run_id.c_str();
  auto properties = suite.append_child("properties");
  add_property(properties, "run_id", run.run_id);
  add_property(properties, "outcome", run.outcome.empty() ? "running" : run.outcome);
  add_property(properties, "dut_serial", run.dut_serial);
  add_property(properties, "dut_part_number", run.dut_part_number);
  add_property(properties, "dut_lot_number", run.dut_lot_number);
  add_property(properties, "product", run.product);
  add_property(properties, "station", run.station);
  add_property(properties, "fixture", run.fixture);
  add_property(properties, "operator", run.operator_name);
  add_property(properties, "phase", run.phase);
  add_property(properties, "project", run.project);
  add_property(properties, "git_commit", run.git_commit);

  // The last attempt of each (step, vector), in discovery order; and how
  // many attempts each had.
  std::map<std::pair<std::string, std::int64_t>, int> attempts;
  std::vector<store::StepRow> last;
  for (auto& step : store.steps(run.run_id)) {
    const int n = ++attempts[{step.step_path, step.vector_index}];
    if (n > 1) {
      for (auto& kept : last) {
        if (kept.step_path == step.step_path && kept.vector_index == step.vector_index) kept = step;
      }
    } else {
      last.push_back(std::move(step));
    }
  }
  std::map<std::pair<std::string, std::int64_t>, std::string> out_text;
  std::map<std::pair<std::string, std::int64_t>, std::string> failed_measurements;
  for (const auto& m : store.measurements(run.run_id)) {
    const std::pair<std::string, std::int64_t> key{m.step_path, m.vector_index.value_or(0)};
    out_text[key] += measurement_line(m) + "\n";
    if (m.outcome == "failed") failed_measurements[key] += measurement_line(m) + "\n";
  }
  std::map<std::string, int> vectors;  // per step path
  for (const auto& step : last) ++vectors[step.step_path];

  Counts counts;
  for (const auto& step : last) {
    const std::pair<std::string, std::int64_t> key{step.step_path, step.vector_index};
    auto testcase = suite.append_child("testcase");
    std::string test_name = step.name.empty() ? step.step_path : step.name;
    if (vectors[step.step_path] > 1) test_name += "[" + std::to_string(step.vector_index) + "]";
    testcase.append_attribute("classname") = (step.suite.empty() ? run.program : step.suite).c_str();
    testcase.append_attribute("name") = test_name.c_str();
    testcase.append_attribute("time") = seconds(step.duration_ns).c_str();
    if (!step.file.empty()) testcase.append_attribute("file") = step.file.c_str();
    if (step.line) testcase.append_attribute("line") = static_cast<long long>(*step.line);
    ++counts.tests;
    const std::string outcome = step.status == "ended" ? step.outcome : step.status;
    const std::string details = failure_text(step) + failed_measurements[key];
    const std::string first_line = details.substr(0, details.find('\n'));
    if (outcome == "failed") {
      ++counts.failures;
      auto failure = testcase.append_child("failure");
      failure.append_attribute("message") = first_line.c_str();
      failure.append_attribute("type") = "failed";
      failure.text() = details.c_str();
    } else if (outcome == "errored" || outcome == "aborted" || outcome == "terminated") {
      ++counts.errors;
      auto error = testcase.append_child("error");
      error.append_attribute("message") = (first_line.empty() ? outcome : first_line).c_str();
      error.append_attribute("type") = outcome.c_str();
      error.text() = details.c_str();
    } else if (outcome == "skipped" || outcome == "never_ran" || outcome == "pending") {
      ++counts.skipped;
      testcase.append_child("skipped").append_attribute("message") =
          outcome == "skipped" ? "skipped" : "never ran: the run ended before this step";
    }
    std::string out = out_text[key];
    if (!step.inputs.empty() && step.inputs != "{}") out = "inputs: " + step.inputs + "\n" + out;
    if (attempts[key] > 1) out += "attempts: " + std::to_string(attempts[key]) + " (the last one is reported)\n";
    if (!out.empty()) testcase.append_child("system-out").text() = out.c_str();
  }
  counts.set_on(suite);
  suite.append_attribute("time") = seconds(run.duration_ns).c_str();
  if (run.started_ts) suite.append_attribute("timestamp") = format_iso8601_utc(*run.started_ts).c_str();
  return counts;
}

}  // namespace

void write_junit(store::EventStore& store, const std::vector<std::string>& run_ids, std::ostream& out) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto suites = document.append_child("testsuites");
  suites.append_attribute("name") = "litmus";
  Counts all;
  std::int64_t total_ns = 0;
  for (const auto& id : run_ids) {
    const auto run = store.run(id);
    if (!run) continue;
    const Counts counts = write_suite(store, *run, suites);
    all.tests += counts.tests;
    all.failures += counts.failures;
    all.errors += counts.errors;
    all.skipped += counts.skipped;
    total_ns += run->duration_ns.value_or(0);
  }
  all.set_on(suites);
  suites.append_attribute("time") = seconds(total_ns).c_str();
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace litmus::exporting
