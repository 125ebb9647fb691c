#include "metrics/pareto.hpp"

#include <algorithm>

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

ParetoReport pareto(store::Database& db, const MetricsFilter& filter, GroupBy group_by, int top) {
  // Every query yields (step_path, name, failures, total); product groups
  // put the product key in the first column.
  std::string sql;
  RunSelection selection;
  switch (group_by) {
    case GroupBy::product:
      selection = select_runs(filter, std::string(kProductKeySql) + ", '', SUM(r.outcome = 'failed'), COUNT(*)");
      sql = selection.sql + " GROUP BY 1";
      break;
    // The join orders are forced (bench/BENCHMARKS.md §10): left to itself
    // SQLite scans every step or measurement and seeks its run, at random.
    case GroupBy::step:
      // The selected runs as one sorted list: steps are clustered by run,
      // so its ranges are read in order.
      selection = select_runs(filter, "r.run_id");
      sql = "SELECT st.step_path, '', SUM(st.outcome = 'failed'), COUNT(*) FROM steps st WHERE st.run_id IN (" +
            selection.sql + ") AND st.status = 'ended' GROUP BY st.step_path";
      break;
    case GroupBy::measurement:
      // Runs outer, in the order they were stored, so each run's
      // measurements (stored with it) are read from neighbouring pages.
      selection = select_runs(filter, "r.run_id AS run_id");
      sql = "SELECT m.step_path, m.name, SUM(m.outcome = 'failed'), COUNT(*) FROM (" + selection.sql +
            ") fr CROSS JOIN measurements m ON m.run_id = fr.run_id GROUP BY m.step_path, m.name";
      break;
  }
  auto q = db.prepare(sql);
  selection.bind(q);
  ParetoReport report;
  report.group_by = group_by;
  std::vector<ParetoRow> rows;
  while (q.step()) {
    ParetoRow row;
    const std::string first = q.column_text(0);
    row.name = q.column_text(1);
    row.failures = q.column_int(2);
    row.total = q.column_int(3);
    report.total_failures += row.failures;
    if (row.failures == 0) continue;
    if (group_by == GroupBy::product) {
      row.label = first;
    } else {
      row.step_path = first;
      row.label = group_by == GroupBy::step ? first : first + ": " + row.name;
    }
    row.fail_rate = ratio(row.failures, row.total);
    rows.push_back(std::move(row));
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
