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
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/metric_rollup.hpp"
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
// random seek per run, was 40 % of reading 100 000 runs. The metrics
// rollup stores the same keys (store/metric_rollup.hpp).
inline constexpr const char* kProductKeySql = store::kRunProductKeySql;
inline constexpr const char* kStationKeySql = store::kRunStationKeySql;
inline constexpr const char* kPhaseKeySql = store::kRunPhaseKeySql;

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

// How a lens over the metrics rollup reads the filter's window: the whole
// UTC days inside it from the rollup rows, and from the raw tables, run by
// run, the rest — the partial first and last day of a since/until cut
// that is not at midnight, and the days whose rollup is stale. Both halves
// select exactly the runs select_runs() does, each run once.
struct RollupPlan {
  bool any_day = false;    // some whole day to read from the rollup
  RunSelection condition;  // over a rollup table `g`: "g.day >= ? AND ..."
  std::vector<RunSelection> raw_runs;  // SELECT r.run_id FROM runs r WHERE ...
};
RollupPlan plan_rollup(store::Database& db, const MetricsFilter& filter);

// The whole UTC days [first, end) of the filter's window (RollupPlan).
struct WholeDays {
  std::int64_t first = store::kNoDay;
  std::int64_t end = 0;
};
WholeDays whole_days(const MetricsFilter& filter);
// Over a rollup table `g` keyed by day and run keys: the whole days, less
// those in `stale_table`, and the filter's keys.
RunSelection rollup_condition(const MetricsFilter& filter, WholeDays days, std::string_view stale_table);

// One consistent view of the store for a lens that reads several
// statements (the rollup plan, its rows, the raw runs): a read transaction
// (a savepoint, so it nests) from the first read to the destructor.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  store::Database& db_;
};

// SELECT <columns> FROM <table> g WHERE <the plan's condition>.
RunSelection select_rollup(const RollupPlan& plan, std::string_view table, std::string_view columns);

// Every run of the plan's raw part, its contribution read as the rollup
// writer reads it (store::RunRollupReader).
void for_each_raw_run(store::Database& db, const RollupPlan& plan,
                      const std::function<void(const store::RunRollup&)>& on_run);

}  // namespace litmus::metrics
