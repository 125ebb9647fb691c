#include "metrics/metrics_filter.hpp"

#include <chrono>
#include <cstdio>
#include <limits>

#include "litmus/error.hpp"

namespace litmus::metrics {

namespace {

using namespace std::chrono;

// " AND <expression> IN (?, ?, ...)" for a non-empty list.
void add_in(std::string& sql, RunSelection& selection, const char* expression, const std::vector<std::string>& values) {
  if (values.empty()) return;
  sql += std::string(" AND ") + expression + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    selection.parameters.emplace_back(values[i]);
  }
  sql += ")";
}

sys_days day_of(std::int64_t ts_ns) { return floor<days>(sys_time<nanoseconds>(nanoseconds(ts_ns))); }

std::int64_t ns_of(sys_days day) { return duration_cast<nanoseconds>(day.time_since_epoch()).count(); }

}  // namespace

Period parse_period(std::string_view text) {
  if (text == "day") return Period::day;
  if (text == "week") return Period::week;
  if (text == "month") return Period::month;
  throw Error("period '" + std::string(text) + "': expected day, week or month");
}

std::string_view to_string(Period period) {
  switch (period) {
    case Period::day:
      return "day";
    case Period::week:
      return "week";
    case Period::month:
      return "month";
  }
  return "day";
}

std::int64_t period_start(Period period, std::int64_t ts_ns) {
  const sys_days day = day_of(ts_ns);
  switch (period) {
    case Period::day:
      return ns_of(day);
    case Period::week:
      // weekday::c_encoding: Sunday 0 … Saturday 6; ISO weeks start Monday.
      return ns_of(day - days((weekday(day).c_encoding() + 6) % 7));
    case Period::month: {
      const year_month_day date(day);
      return ns_of(sys_days(date.year() / date.month() / 1));
    }
  }
  return ns_of(day);
}

std::string period_label(Period period, std::int64_t start_ns) {
  const year_month_day date(day_of(start_ns));
  char text[16];
  if (period == Period::month) {
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()));
  } else {
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  }
  return text;
}

RunSelection select_runs(const MetricsFilter& filter, std::string_view columns) {
  RunSelection selection;
  std::string sql = "SELECT " + std::string(columns) +
                    " FROM runs r WHERE " + store::kRunFinishedSql;
  if (filter.since_ns) {
    sql += " AND r.started_ts >= ?";
    selection.parameters.emplace_back(*filter.since_ns);
  }
  if (filter.until_ns) {
    sql += " AND r.started_ts < ?";
    selection.parameters.emplace_back(*filter.until_ns);
  }
  if (filter.phases.empty()) {
    sql += std::string(" AND ") + kPhaseKeySql + " <> 'development'";
  } else if (!(filter.phases.size() == 1 && filter.phases[0] == "*")) {
    add_in(sql, selection, kPhaseKeySql, filter.phases);
  }
  add_in(sql, selection, kProductKeySql, filter.products);
  add_in(sql, selection, kStationKeySql, filter.stations);
  add_in(sql, selection, "r.dut_lot_number", filter.lots);
  selection.sql = std::move(sql);
  return selection;
}

WholeDays whole_days(const MetricsFilter& filter) {
  // From the first midnight at or after since to the last at or before
  // until. A run without a start (its rollup day is kNoDay) counts only in
  // a window without since and until.
  WholeDays days;
  if (filter.since_ns) {
    days.first = store::utc_day_ceil(*filter.since_ns);
  } else if (filter.until_ns) {
    days.first = store::kNoDay + 1;
  }
  days.end = filter.until_ns ? store::utc_day_floor(*filter.until_ns) : std::numeric_limits<std::int64_t>::max();
  return days;
}

RunSelection rollup_condition(const MetricsFilter& filter, WholeDays days, std::string_view stale_table) {
  RunSelection condition;
  std::string sql = "g.day >= ? AND g.day < ? AND g.day NOT IN (SELECT day FROM " + std::string(stale_table) + ")";
  condition.parameters = {days.first, days.end};
  if (filter.phases.empty()) {
    sql += " AND g.phase <> 'development'";
  } else if (!(filter.phases.size() == 1 && filter.phases[0] == "*")) {
    add_in(sql, condition, "g.phase", filter.phases);
  }
  add_in(sql, condition, "g.product", filter.products);
  add_in(sql, condition, "g.station", filter.stations);
  add_in(sql, condition, "g.lot", filter.lots);
  condition.sql = std::move(sql);
  return condition;
}

RollupPlan plan_rollup(store::Database& db, const MetricsFilter& filter) {
  using store::kNanosPerDay;
  RollupPlan plan;
  const auto [first, end] = whole_days(filter);
  // The raw windows: since to the first midnight, the last midnight to until
  // (one window when both fall in one day).
  const auto raw_window = [&](std::optional<std::int64_t> since, std::optional<std::int64_t> until,
                              const char* extra = "") {
    MetricsFilter part = filter;
    part.since_ns = since;
    part.until_ns = until;
    RunSelection selection = select_runs(part, "r.run_id");
    selection.sql += extra;
    plan.raw_runs.push_back(std::move(selection));
  };
  if (filter.since_ns && filter.until_ns && first >= end) {
    raw_window(filter.since_ns, filter.until_ns);
    return plan;
  }
  if (filter.since_ns && *filter.since_ns < first) raw_window(filter.since_ns, first);
  if (filter.until_ns && end < *filter.until_ns) raw_window(end, filter.until_ns);
  // Stale days inside the whole days: raw too, and left out of the rollup.
  auto stale = db.prepare("SELECT day FROM metric_rollup_stale WHERE day >= ?1 AND day < ?2");
  stale.bind(1, first).bind(2, end);
  while (stale.step()) {
    const std::int64_t day = stale.column_int(0);
    if (day == store::kNoDay) {
      raw_window(std::nullopt, std::nullopt, " AND r.started_ts IS NULL");
    } else {
      raw_window(day, day + kNanosPerDay);
    }
  }
  plan.any_day = first < end;
  plan.condition = rollup_condition(filter, {first, end}, "metric_rollup_stale");
  return plan;
}

ReadSnapshot::ReadSnapshot(store::Database& db) : db_(db) { db_.exec("SAVEPOINT metrics_read"); }

ReadSnapshot::~ReadSnapshot() {
  try {
    db_.exec("RELEASE metrics_read");
  } catch (const std::exception&) {
    // Nothing was written; a failed release leaves nothing to undo.
  }
}

RunSelection select_rollup(const RollupPlan& plan, std::string_view table, std::string_view columns) {
  RunSelection selection = plan.condition;
  selection.sql = "SELECT " + std::string(columns) + " FROM " + std::string(table) + " g WHERE " + plan.condition.sql;
  return selection;
}

void for_each_raw_run(store::Database& db, const RollupPlan& plan,
                      const std::function<void(const store::RunRollup&)>& on_run) {
  if (plan.raw_runs.empty()) return;
  store::RunRollupReader reader(db);
  store::RunRollup run;
  for (const RunSelection& selection : plan.raw_runs) {
    auto q = db.prepare(selection.sql);
    selection.bind(q);
    while (q.step()) {
      if (reader.read(q.column_text(0), run)) on_run(run);
    }
  }
}

int RunSelection::bind(store::Statement& q, int first) const {
  int index = first;
  for (const auto& parameter : parameters) {
    if (const auto* number = std::get_if<std::int64_t>(&parameter)) {
      q.bind(index++, *number);
    } else {
      q.bind(index++, std::get<std::string>(parameter));
    }
  }
  return index;
}

}  // namespace litmus::metrics
