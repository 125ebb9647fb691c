#include "metrics/metrics_filter.hpp"

#include <chrono>
#include <cstdio>

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
                    " FROM runs r WHERE r.ended_ts IS NOT NULL AND r.outcome IS NOT NULL";
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
