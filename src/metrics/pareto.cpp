#include "metrics/pareto.hpp"

#include <algorithm>
#include <map>

#include "litmus/error.hpp"
#include "metrics/ratio.hpp"

namespace litmus::metrics {

GroupBy parse_group_by(std::string_view text) {
  if (text == "product") return GroupBy::product;
  if (text == "step") return GroupBy::step;
  if (text == "measurement") return GroupBy::measurement;
  throw Error("group_by '" + std::string(text) + "': expected product, step or measurement");
}

std::string_view to_string(GroupBy group_by) {
  switch (group_by) {
    case GroupBy::product:
      return "product";
    case GroupBy::step:
      return "step";
    case GroupBy::measurement:
      return "measurement";
  }
  return "product";
}

namespace {

// A group's counts, by (step_path, name); name empty for step groups.
using GroupCounts = std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>>;

// Step attempts or measurements: whole days from the metrics rollup, the
// rest of the window from the runs' own rows (bench/BENCHMARKS.md §10).
GroupCounts rollup_counts(store::Database& db, const MetricsFilter& filter, GroupBy group_by) {
  GroupCounts counts;
  ReadSnapshot snapshot(db);
  const RollupPlan plan = plan_rollup(db, filter);
  const bool by_step = group_by == GroupBy::step;
  if (plan.any_day) {
    const RunSelection selection =
        by_step ? select_rollup(plan, "metric_rollup_steps", "g.step_path, '', SUM(g.failures), SUM(g.attempts)")
                : select_rollup(plan, "metric_rollup_measurements", "g.step_path, g.name, SUM(g.failed), SUM(g.total)");
    auto q = db.prepare(selection.sql + " GROUP BY 1, 2");
    selection.bind(q);
    while (q.step()) {
      auto& [failures, total] = counts[{q.column_text(0), q.column_text(1)}];
      failures += q.column_int(2);
      total += q.column_int(3);
    }
  }
  for_each_raw_run(db, plan, [&](const store::RunRollup& run) {
    if (by_step) {
      for (const auto& [path, step] : run.steps) {
        auto& [failures, total] = counts[{path, std::string()}];
        failures += step.failures;
        total += step.attempts;
      }
    } else {
      for (const auto& [key, m] : run.measurements) {
        auto& [failures, total] = counts[{key.step_path, key.name}];
        failures += m.failed;
        total += m.total;
      }
    }
  });
  return counts;
}

}  // namespace

ParetoReport pareto(store::Database& db, const MetricsFilter& filter, GroupBy group_by, int top) {
  ParetoReport report;
  report.group_by = group_by;
  std::vector<ParetoRow> rows;
  const auto add_row = [&](const std::string& first, const std::string& name, std::int64_t failures,
                           std::int64_t total) {
    report.total_failures += failures;
    if (failures == 0) return;
    ParetoRow row;
    row.name = name;
    row.failures = failures;
    row.total = total;
    if (group_by == GroupBy::product) {
      row.label = first;
    } else {
      row.step_path = first;
      row.label = group_by == GroupBy::step ? first : first + ": " + row.name;
    }
    row.fail_rate = ratio(row.failures, row.total);
    rows.push_back(std::move(row));
  };
  if (group_by == GroupBy::product) {
    const RunSelection selection =
        select_runs(filter, std::string(kProductKeySql) + ", SUM(r.outcome = 'failed'), COUNT(*)");
    auto q = db.prepare(selection.sql + " GROUP BY 1");
    selection.bind(q);
    while (q.step()) add_row(q.column_text(0), std::string(), q.column_int(1), q.column_int(2));
  } else {
    for (const auto& [key, counts] : rollup_counts(db, filter, group_by)) {
      add_row(key.first, key.second, counts.first, counts.second);
    }
  }
  std::sort(rows.begin(), rows.end(), [](const ParetoRow& a, const ParetoRow& b) {
    return a.failures != b.failures ? a.failures > b.failures : a.label < b.label;
  });
  if (rows.size() > static_cast<std::size_t>(top)) rows.resize(static_cast<std::size_t>(top));
  std::int64_t running = 0;
  for (auto& row : rows) {
    running += row.failures;
    row.cumulative_share = static_cast<double>(running) / static_cast<double>(report.total_failures);
  }
  report.rows = std::move(rows);
  return report;
}

}  // namespace litmus::metrics
