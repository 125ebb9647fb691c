#include "metrics/metrics_request.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_set>

#include "core/parse_integer.hpp"
#include "core/timestamp.hpp"
#include "litmus/error.hpp"
#include "metrics/asset_usage.hpp"
#include "metrics/capability.hpp"
#include "metrics/retest.hpp"
#include "metrics/run_facts.hpp"
#include "metrics/time_loss.hpp"
#include "metrics/yield.hpp"

namespace litmus::metrics {

namespace {

using nlohmann::json;

constexpr std::pair<Lens, const char*> kLenses[] = {
    {Lens::summary, "summary"}, {Lens::trend, "trend"},         {Lens::pareto, "pareto"}, {Lens::cpk, "cpk"},
    {Lens::retest, "retest"},   {Lens::time_loss, "time-loss"}, {Lens::assets, "assets"},
};

// "a,b" → {"a", "b"}; empty items dropped.
void split_into(std::vector<std::string>& out, std::string_view text) {
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
}

int parse_count(const std::string& name, const std::string& value, int low, int high) {
  const auto parsed = parse_integer(value);
  if (!parsed || *parsed < low || *parsed > high) {
    throw Error(name + " '" + value + "': expected a whole number from " + std::to_string(low) + " to " +
                std::to_string(high));
  }
  return static_cast<int>(*parsed);
}

std::int64_t parse_time(const std::string& name, const std::string& value) {
  const auto parsed = parse_timestamp_ns(value);
  if (!parsed) {
    throw Error(name + " '" + value + "': expected " + std::string(kTimestampForms));
  }
  return *parsed;
}

constexpr std::string_view kParameterNames[] = {"phase", "product", "station", "lot",   "since",
                                                 "until", "period",  "group_by", "top", "min_samples"};

json summary_json(const YieldSummary& s) {
  json j{{"runs", s.runs},
         {"passed", s.passed},
         {"failed", s.failed},
         {"errored", s.errored},
         {"aborted", s.aborted},
         {"terminated", s.terminated},
         {"other", s.other},
         {"pass_rate", optional_json(s.pass_rate)},
         {"serials", s.serials},
         {"first_pass_passed", s.first_pass_passed},
         {"final_passed", s.final_passed},
         {"first_pass_yield", optional_json(s.first_pass_yield)},
         {"final_yield", optional_json(s.final_yield)},
         {"untested_serials", s.untested_serials},
         {"runs_without_serial", s.runs_without_serial},
         {"duration", nullptr}};
  if (s.duration) {
    j["duration"] = {{"count", s.duration->count},
                     {"average_s", s.duration->average_s},
                     {"min_s", s.duration->min_s},
                     {"max_s", s.duration->max_s},
                     {"p95_s", s.duration->p95_s}};
  }
  return j;
}

json trend_json(const std::vector<TrendPoint>& points) {
  json rows = json::array();
  for (const auto& p : points) {
    rows.push_back({{"period", p.period},
                    {"start", p.start_ns},
                    {"runs", p.runs},
                    {"passed", p.passed},
                    {"failed", p.failed},
                    {"errored", p.errored},
                    {"yield", optional_json(p.yield)}});
  }
  return {{"points", rows}};
}

json pareto_json(const ParetoReport& report) {
  json rows = json::array();
  for (const auto& r : report.rows) {
    rows.push_back({{"label", r.label},
                    {"step_path", r.step_path},
                    {"name", r.name},
                    {"failures", r.failures},
                    {"total", r.total},
                    {"fail_rate", optional_json(r.fail_rate)},
                    {"cumulative_share", r.cumulative_share}});
  }
  return {{"group_by", to_string(report.group_by)}, {"total_failures", report.total_failures}, {"rows", rows}};
}

json cpk_json(const CapabilityReport& report) {
  json rows = json::array();
  for (const auto& r : report.rows) {
    rows.push_back({{"product", r.product},
                    {"station", r.station},
                    {"step_path", r.step_path},
                    {"name", r.name},
                    {"vector_index", r.vector_index},
                    {"units", r.units},
                    {"lsl", optional_json(r.lsl)},
                    {"usl", optional_json(r.usl)},
                    {"n", r.n},
                    {"runs", r.runs},
                    {"mean", r.mean},
                    {"sigma_within", optional_json(r.sigma_within)},
                    {"sigma_overall", optional_json(r.sigma_overall)},
                    {"cp", optional_json(r.cp)},
                    {"cpk", optional_json(r.cpk)},
                    {"pp", optional_json(r.pp)},
                    {"ppk", optional_json(r.ppk)},
                    {"cpk_ci_low", optional_json(r.cpk_ci_low)},
                    {"cpk_ci_high", optional_json(r.cpk_ci_high)},
                    {"undefined_reason", r.undefined_reason}});
  }
  return {{"min_samples", report.min_samples}, {"rows", rows}};
}

json retest_json(const RetestReport& report) {
  json periods = json::array();
  for (const auto& p : report.periods) {
    periods.push_back({{"period", p.period},
                       {"start", p.start_ns},
                       {"serials", p.serials},
                       {"retested", p.retested},
                       {"rate", optional_json(p.rate)},
                       {"average_retries", optional_json(p.average_retries)}});
  }
  json nff = json::array();
  for (const auto& n : report.no_fault_found) {
    nff.push_back({{"serial", n.serial},
                   {"product", n.product},
                   {"station", n.station},
                   {"count", n.count},
                   {"failed_run_id", n.failed_run_id},
                   {"passed_run_id", n.passed_run_id},
                   {"passed_ts", n.passed_ts}});
  }
  return {{"periods", periods}, {"no_fault_found", nff}};
}

json time_loss_json(const std::vector<TimeLossPeriod>& rows) {
  json periods = json::array();
  for (const auto& p : rows) {
    periods.push_back({{"period", p.period},
                       {"start", p.start_ns},
                       {"passed_s", p.passed_s},
                       {"failed_s", p.failed_s},
                       {"errored_s", p.errored_s},
                       {"other_s", p.other_s},
                       {"total_s", p.total_s}});
  }
  return {{"periods", periods}};
}

json assets_json(const AssetReport& report) {
  json rows = json::array();
  for (const auto& a : report.rows) {
    rows.push_back({{"role", a.role},
                    {"resource", a.resource},
                    {"type", a.type},
                    {"mocked", a.mocked},
                    {"sessions", a.sessions},
                    {"connected_s", a.connected_s},
                    {"share", optional_json(a.share)},
                    {"manufacturer", a.manufacturer},
                    {"model", a.model},
                    {"serial", a.serial},
                    {"calibration_due", a.calibration_due}});
  }
  return {{"connected_s", report.connected_s}, {"rows", rows}};
}

}  // namespace

json filter_json(const MetricsFilter& f) {
  return {{"phases", f.phases.empty() ? json{"all but development"} : json(f.phases)},
          {"products", f.products},
          {"stations", f.stations},
          {"lots", f.lots},
          {"since", optional_json(f.since_ns)},
          {"until", optional_json(f.until_ns)}};
}

std::span<const std::string_view> metrics_parameter_names() { return kParameterNames; }

bool parse_filter_parameter(MetricsFilter& filter, const std::string& name, const std::string& value) {
  if (name == "phase") {
    split_into(filter.phases, value);
  } else if (name == "product") {
    split_into(filter.products, value);
  } else if (name == "station") {
    split_into(filter.stations, value);
  } else if (name == "lot") {
    split_into(filter.lots, value);
  } else if (name == "since") {
    filter.since_ns = parse_time(name, value);
  } else if (name == "until") {
    filter.until_ns = parse_time(name, value);
  } else {
    return false;
  }
  return true;
}

void check_filter(const MetricsFilter& filter) {
  // "*" means every phase; mixed with names it would be ambiguous.
  if (std::count(filter.phases.begin(), filter.phases.end(), "*") > 0 && filter.phases.size() > 1) {
    throw Error("phase: '*' (every phase) cannot be combined with phase names");
  }
  if (filter.since_ns && filter.until_ns && *filter.since_ns >= *filter.until_ns) {
    throw Error("since must be before until");
  }
}

Lens parse_lens(std::string_view text) {
  if (text == "time_loss") return Lens::time_loss;
  for (const auto& [lens, name] : kLenses) {
    if (text == name) return lens;
  }
  throw Error("unknown metric '" + std::string(text) +
              "': expected summary, trend, pareto, cpk, retest, time-loss or assets");
}

std::string_view to_string(Lens lens) {
  for (const auto& [each, name] : kLenses) {
    if (each == lens) return name;
  }
  return "summary";
}

MetricsRequest parse_metrics_request(Lens lens, const std::vector<std::pair<std::string, std::string>>& parameters) {
  MetricsRequest request;
  request.lens = lens;
  for (const auto& [name, value] : parameters) {
    if (parse_filter_parameter(request.filter, name, value)) continue;
    if (name == "period") {
      request.period = parse_period(value);
    } else if (name == "group_by") {
      request.group_by = parse_group_by(value);
    } else if (name == "top") {
      request.top = parse_count(name, value, 1, 1000);
    } else if (name == "min_samples") {
      request.min_samples = parse_count(name, value, 2, 1'000'000);
    } else {
      throw Error("unknown parameter '" + name +
                  "': expected phase, product, station, lot, since, until, period, group_by, top or min_samples");
    }
  }
  check_filter(request.filter);
  return request;
}

nlohmann::json run_metrics(store::Database& db, const MetricsRequest& request, std::int64_t now_ns) {
  json answer;
  switch (request.lens) {
    case Lens::summary:
      answer = summary_json(yield_summary(load_run_facts(db, request.filter, RunTexts::serial)));
      break;
    case Lens::trend:
      answer = trend_json(yield_trend(load_run_facts(db, request.filter, RunTexts::none), request.period));
      answer["period"] = to_string(request.period);
      break;
    case Lens::pareto:
      answer = pareto_json(pareto(db, request.filter, request.group_by, request.top));
      answer["top"] = request.top;
      break;
    case Lens::cpk:
      answer = cpk_json(capability(db, request.filter, request.min_samples));
      break;
    case Lens::retest:
      answer = retest_json(retest_report(load_run_facts(db, request.filter, RunTexts::all), request.period, request.top));
      answer["period"] = to_string(request.period);
      break;
    case Lens::time_loss:
      answer = time_loss_json(time_loss(load_run_facts(db, request.filter, RunTexts::none), request.period));
      answer["period"] = to_string(request.period);
      break;
    case Lens::assets:
      answer = assets_json(asset_usage(db, request.filter, now_ns));
      break;
  }
  answer["metric"] = to_string(request.lens);
  answer["filter"] = filter_json(request.filter);
  return answer;
}

nlohmann::json metrics_facets(store::Database& db) {
  // One read of the finished runs for the four lists (four SELECT
  // DISTINCTs were four scans, bench/BENCHMARKS.md §10). The few distinct
  // combinations (252 on a 30 000-run demo line) are found by hashing each
  // run's four keys — a GROUP BY sorted every run first — and the sets sort
  // the values as ORDER BY did.
  MetricsFilter every_phase;
  every_phase.phases = {"*"};
  const RunSelection selection = select_runs(every_phase, std::string(kPhaseKeySql) + ", " + kProductKeySql + ", " +
                                                              kStationKeySql + ", " + store::kRunLotKeySql);
  auto q = db.prepare(selection.sql);
  selection.bind(q);
  std::set<std::string> lists[4];
  std::unordered_set<std::string> seen;
  std::string combination;
  while (q.step()) {
    combination.clear();
    for (int i = 0; i < 4; ++i) {
      const std::string_view value = q.column_blob(i);
      const auto size = static_cast<std::uint32_t>(value.size());  // length-prefixed: unambiguous
      combination.append(reinterpret_cast<const char*>(&size), sizeof size);
      combination.append(value);
    }
    if (!seen.insert(combination).second) continue;
    for (int i = 0; i < 4; ++i) {
      if (const std::string_view value = q.column_blob(i); !value.empty()) lists[i].emplace(value);
    }
  }
  const auto array = [](const std::set<std::string>& values) {
    return json(std::vector<std::string>(values.begin(), values.end()));
  };
  return {{"phases", array(lists[0])},
          {"products", array(lists[1])},
          {"stations", array(lists[2])},
          {"lots", array(lists[3])}};
}

}  // namespace litmus::metrics
