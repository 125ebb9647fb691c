#pragma once
// MetricsFilter: which runs a metric looks at — the filter bar of the
// Metrics page (SPEC D5), the flags of `litmus metrics` and the parameters
// of /api/metrics/* — and the SQL that selects those runs. Definitions:
// docs/metrics.md.
//
// Only finished runs count (a run in flight has no outcome yet). A run is
// grouped by its product key (part number, else product id, else
// "unknown"), its station key (the hostname it ran on, else the station
// id, else "unknown") and its phase ("development" when it named none).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/sqlite_db.hpp"

namespace litmus::metrics {

struct MetricsFilter {
  // Phases to include. Empty: every phase except "development" (the
  // default of the page, so bench tinkering does not count as the line);
  // {"*"}: every phase.
  std::vector<std::string> phases;
  std::vector<std::string> products;  // product keys (part numbers)
  std::vector<std::string> stations;  // station keys (hostnames)
  std::vector<std::string> lots;
  std::optional<std::int64_t> since_ns;  // run start >= since
  std::optional<std::int64_t> until_ns;  // run start < until
};

// The period a trend groups run starts by, in UTC: a day, an ISO week
// (Monday to Sunday) or a calendar month.
enum class Period { day, week, month };

// Throw litmus::Error saying what is accepted.
Period parse_period(std::string_view text);
std::string_view to_string(Period period);

// The UTC start (ns since the epoch) of the period holding `ts_ns`, and
// its label: "2026-11-23" (day, and the Monday of a week) or "2026-11".
std::int64_t period_start(Period period, std::int64_t ts_ns);
std::string period_label(Period period, std::int64_t start_ns);

// SQL expressions of the grouping keys, over `runs r`. A run's hostname is
// its session's (schema 4), so no lens joins the sessions: that join, a
// random seek per run, was 40 % of reading 100 000 runs.
inline constexpr const char* kProductKeySql = "COALESCE(NULLIF(r.dut_part_number, ''), NULLIF(r.product, ''), 'unknown')";
inline constexpr const char* kStationKeySql = "COALESCE(NULLIF(r.hostname, ''), NULLIF(r.station, ''), 'unknown')";
inline constexpr const char* kPhaseKeySql = "COALESCE(NULLIF(r.phase, ''), 'development')";

// A SELECT of `columns` over the filtered runs:
//   SELECT <columns> FROM runs r WHERE ...
// with its parameters, to be bound from index 1 (bind()) before any other.
struct RunSelection {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> parameters;
  // Binds the parameters to `q` from index `first`; returns the next index.
  int bind(store::Statement& q, int first = 1) const;
};
RunSelection select_runs(const MetricsFilter& filter, std::string_view columns);

}  // namespace litmus::metrics
