#pragma once
// The Pareto lens: where the failures are — failed runs by product, failed
// step attempts by step, failed measurements by (step, measurement) — the
// biggest first, with each group's fail rate and the running share of all
// failures (docs/metrics.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

enum class GroupBy { product, step, measurement };

// Throws litmus::Error saying what is accepted.
GroupBy parse_group_by(std::string_view text);
std::string_view to_string(GroupBy group_by);

struct ParetoRow {
  std::string label;      // product key, step path, or "step: measurement"
  std::string step_path;  // step and measurement groups
  std::string name;       // measurement groups
  std::int64_t failures = 0;
  std::int64_t total = 0;  // runs, step attempts or measurements of the group
  std::optional<double> fail_rate;  // failures / total
  double cumulative_share = 0;      // of all failures, this row and those above
};

struct ParetoReport {
  GroupBy group_by = GroupBy::product;
  std::int64_t total_failures = 0;  // over every group, shown or not
  std::vector<ParetoRow> rows;      // failures > 0, most first, at most `top`
};

ParetoReport pareto(store::Database& db, const MetricsFilter& filter, GroupBy group_by, int top);

}  // namespace litmus::metrics
