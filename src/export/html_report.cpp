#include "export/html_report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/timestamp.hpp"

namespace litmus::exporting {

namespace {

using nlohmann::json;

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string number_text(std::optional<double> value) {
  if (!value) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", *value);
  return text;
}

std::string time_text(std::optional<std::int64_t> ts) { return ts ? format_iso8601_utc(*ts) : ""; }

std::string seconds_text(std::optional<std::int64_t> ns) {
  if (!ns) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.3f s", static_cast<double>(*ns) / 1e9);
  return text;
}

// <td> cells of one row; `cls` marks the row ("failed", …).
void row(std::ostream& out, const std::vector<std::string>& cells, const std::string& cls = {}) {
  out << "<tr" << (cls.empty() ? "" : " class=\"" + escape(cls) + "\"") << ">";
  for (const auto& cell : cells) out << "<td>" << escape(cell) << "</td>";
  out << "</tr>\n";
}

void head(std::ostream& out, const std::vector<std::string>& cells) {
  out << "<thead><tr>";
  for (const auto& cell : cells) out << "<th>" << escape(cell) << "</th>";
  out << "</tr></thead>\n";
}

constexpr const char* kStyle = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid #d8dde6;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eceff4;vertical-align:top}
th{background:#f4f6f9;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1.5rem;margin:0}dt{color:#5b6475}dd{margin:0}
.chip{display:inline-block;padding:.1rem .6rem;border-radius:1rem;font-weight:600;color:#fff;background:#5b6475}
.chip.passed{background:#1a7f37}.chip.failed{background:#cf222e}.chip.errored{background:#bf8700}
.chip.aborted{background:#6e40c9}.chip.terminated{background:#57606a}
tr.failed td{background:#ffebe9}tr.errored td,tr.aborted td,tr.terminated td{background:#fff8c5}
pre{background:#f4f6f9;padding:.75rem;overflow:auto}footer{margin-top:2rem;color:#8a93a3;font-size:.85rem}
@media print{body{margin:0}}
)css";

}  // namespace

void write_html_report(store::EventStore& store, const std::string& run_id, std::ostream& out) {
  const auto found = store.run(run_id);
  if (!found) return;
  const store::RunRow& run = *found;
  const std::string outcome = run.outcome.empty() ? "running" : run.outcome;
  std::string title = (run.program.empty() ? std::string("Run") : run.program) +
                      (run.dut_serial.empty() ? "" : " — " + run.dut_serial);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>" << escape(title) << " — " << escape(outcome) << "</title><style>" << kStyle << "</style></head><body>\n";
  out << "<header><h1>" << escape(title) << "</h1><span class=\"chip " << escape(outcome) << "\" id=\"outcome\">"
      << escape(outcome) << "</span></header>\n";

  out << "<h2>Run</h2><dl id=\"run\">\n";
  const std::vector<std::pair<std::string, std::string>> fields{
      {"Run id", run.run_id},          {"Session", run.session_id},
      {"Reason", run.reason},          {"Started (UTC)", time_text(run.started_ts)},
      {"Ended (UTC)", time_text(run.ended_ts)}, {"Duration", seconds_text(run.duration_ns)},
      {"DUT serial", run.dut_serial},  {"Part number", run.dut_part_number},
      {"Revision", run.dut_revision},  {"Lot", run.dut_lot_number},
      {"Product", run.product},        {"Fixture", run.fixture},
      {"Station", run.station},        {"Operator", run.operator_name},
      {"Phase", run.phase},            {"Profile", run.profile},
      {"Project", run.project},        {"Program", run.program},
      {"Git commit", run.git_commit},  {"Git branch", run.git_branch},
      {"Mocked instruments", run.mocked ? "yes" : ""}};
  for (const auto& [label, value] : fields) {
    if (!value.empty()) out << "<dt>" << escape(label) << "</dt><dd>" << escape(value) << "</dd>\n";
  }
  out << "</dl>\n";

  // Identity and calibration as each instrument reported them on connect.
  out << "<h2>Instruments</h2><table id=\"instruments\">\n";
  head(out, {"Role", "Type", "Resource", "Driver", "Manufacturer", "Model", "Serial", "Firmware", "Calibration due",
             "Calibration status"});
  store::EventQuery connected;
  connected.session_id = run.session_id;
  connected.type = "instrument.connected";
  connected.limit = 10'000;
  out << "<tbody>\n";
  for (const auto& stored : store.events(connected)) {
    const json p = json::parse(stored.event.payload, nullptr, false);
    if (!p.is_object()) continue;
    const json identity = p.value("identity", json::object());
    const json calibration = p.value("calibration", json::object());
    const auto text = [](const json& object, const char* key) {
      return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>()
                                                                                    : std::string();
    };
    const std::string status = text(calibration, "status");
    row(out,
        {stored.event.role, text(p, "type"), text(p, "resource"), text(p, "driver"), text(identity, "manufacturer"),
         text(identity, "model"), text(identity, "serial"), text(identity, "firmware"), text(calibration, "due"),
         status},
        status == "overdue" ? "failed" : "");
  }
  out << "</tbody></table>\n";

  if (!run.environment.empty()) {
    out << "<h2>Environment</h2><pre id=\"environment\">"
        << escape(json::parse(run.environment, nullptr, false).dump(2)) << "</pre>\n";
  }

  out << "<h2>Steps</h2><table id=\"steps\">\n";
  head(out, {"Step", "Vector", "Attempt", "Inputs", "Outcome", "Duration", "Measurements", "Error"});
  out << "<tbody>\n";
  for (const auto& s : store.steps(run.run_id)) {
    const std::string step_outcome = s.status == "ended" ? s.outcome : s.status;
    row(out,
        {s.step_path, std::to_string(s.vector_index), std::to_string(s.vector_retry + 1),
         s.inputs == "{}" ? "" : s.inputs, step_outcome == "never_ran" ? "never ran" : step_outcome,
         seconds_text(s.duration_ns), std::to_string(s.measurement_count), s.error},
        step_outcome);
  }
  out << "</tbody></table>\n";

  out << "<h2>Measurements</h2><table id=\"measurements\">\n";
  head(out, {"Step", "Vector", "Measurement", "Value", "Units", "Low", "High", "Comparator", "Outcome", "Instrument",
             "Instrument serial", "Calibration due", "DUT pin"});
  out << "<tbody>\n";
  for (const auto& m : store.measurements(run.run_id)) {
    row(out,
        {m.step_path, m.vector_index ? std::to_string(*m.vector_index) : "", m.name, number_text(m.value), m.units,
         number_text(m.low), number_text(m.high), m.comparator, m.outcome,
         m.instrument_role + (m.instrument_channel.empty() ? "" : " (" + m.instrument_channel + ")"),
         m.instrument_serial, m.calibration_due, m.dut_pin},
        m.outcome);
  }
  out << "</tbody></table>\n";
  out << "<footer>Litmus report of run " << escape(run.run_id) << "; times in UTC.</footer>\n</body></html>\n";
}

}  // namespace litmus::exporting
