#pragma once
// The metrics rollup: what the Metrics lenses that count steps and
// measurements (Pareto by step and by measurement, Cpk) need of each
// finished run, summed per UTC day of the run start and per filter key
// (phase, product, station, lot), so a lens reads ~100 000 rollup rows
// instead of 5 M measurements (bench/BENCHMARKS.md §10).
//
// Tables (schema 5, schema.cpp):
//   metric_rollup_steps         per day, keys, step: ended attempts, failed ones
//   metric_rollup_measurements  per day, keys, step, name, vector, limits:
//                               measurements, failed ones, and over the judged
//                               ones (passed or failed, a value, a limit) the
//                               Cpk sums with runs as subgroups
//   metric_rollup_runs          every run in the rollup and the day it is in:
//                               a run enters exactly once
//   metric_rollup_stale         days whose rollup rows no longer match the raw
//                               rows (an event for a run already rolled up);
//                               the lenses read those days raw until the next
//                               run end rebuilds them
//
// Every sum is additive: the Cpk of any set of days is that of the merged
// rows. Values are summed shifted by the limits' midpoint (limit_shift), a
// constant of the row's key, so rows of one key combine without loss.
//
// A run's contribution is computed by one reader (RunRollupReader) for the
// writer (RunProjection on run.ended), the schema upgrade's backfill and
// the lenses' raw path (partial first/last days of a since/until cut,
// stale days): one definition of what a run adds.

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sqlite_db.hpp"

namespace litmus::store {

// The grouping keys of a run, over `runs r` (docs/metrics.md). A run's
// hostname is its session's (schema 4), so no lens joins the sessions.
inline constexpr const char* kRunProductKeySql =
    "COALESCE(NULLIF(r.dut_part_number, ''), NULLIF(r.product, ''), 'unknown')";
inline constexpr const char* kRunStationKeySql = "COALESCE(NULLIF(r.hostname, ''), NULLIF(r.station, ''), 'unknown')";
// The same two keys from their columns read as they are (NULL read as ""):
// the first not empty, else "unknown". For a reader of many runs, to whom
// SQLite would allocate a copy of each key.
inline std::string_view run_key(std::string_view preferred, std::string_view fallback) {
  if (!preferred.empty()) return preferred;
  return fallback.empty() ? std::string_view("unknown") : fallback;
}
inline constexpr const char* kRunPhaseKeySql = "COALESCE(NULLIF(r.phase, ''), 'development')";
inline constexpr const char* kRunLotKeySql = "COALESCE(r.dut_lot_number, '')";
// A run the lenses count: finished, with an outcome.
inline constexpr const char* kRunFinishedSql = "r.ended_ts IS NOT NULL AND r.outcome IS NOT NULL";

inline constexpr std::int64_t kNanosPerDay = 86'400'000'000'000;
// The rollup day of a run without a start (run.ended without run.started).
inline constexpr std::int64_t kNoDay = std::numeric_limits<std::int64_t>::min();

// The UTC midnight (ns since the epoch) of the day holding `ts_ns`, and the
// next midnight at or after it.
std::int64_t utc_day_floor(std::int64_t ts_ns);
std::int64_t utc_day_ceil(std::int64_t ts_ns);

// What Cpk sums are shifted by: the midpoint of the limits, or the one
// limit, so the sums of squares lose no digits to cancellation.
double limit_shift(std::optional<double> lsl, std::optional<double> usl);

// The keys of one finished run.
struct RunGroup {
  std::int64_t day = kNoDay;  // utc_day_floor of its start
  std::string phase;
  std::string product;
  std::string station;
  std::string lot;  // '' without one
};

// A measurement row's identity within a run's keys. NULL step_path and
// name are '' (the projection never stores '' for either).
struct MeasurementKey {
  std::string step_path;
  std::string name;
  std::int64_t vector_index = 0;  // NULL (outside a step) counts as 0
  std::optional<double> low;
  std::optional<double> high;
  bool operator==(const MeasurementKey&) const = default;
};

struct MeasurementKeyHash {
  std::size_t operator()(const MeasurementKey& k) const;
};

// A judged measurement — passed or failed, with a value and a limit — is
// what Cpk and its histogram pool. One definition, in SQL over the
// measurements table aliased `m`: the rollup selects it as a column, the
// histogram (metrics/histogram.cpp) filters on it.
inline constexpr std::string_view kJudgedMeasurementSql =
    "(m.value IS NOT NULL AND (m.low IS NOT NULL OR m.high IS NOT NULL) AND m.outcome IN ('passed', 'failed'))";

// Additive sums of measurements of one key.
struct MeasurementSums {
  std::int64_t total = 0;   // every measurement (Pareto)
  std::int64_t failed = 0;  // outcome 'failed'
  // The judged ones (Cpk), shifted by limit_shift(low, high):
  std::int64_t n = 0;
  std::int64_t runs = 0;       // subgroups: runs with at least one
  double sum = 0;              // Σ (x − shift)
  double sum_squares = 0;      // Σ (x − shift)²
  double within_ss = 0;        // Σ over runs of Σ (x − run mean)²
  std::int64_t within_df = 0;  // Σ over runs of (values − 1)
  std::string units;           // the greatest of the judged ones, as MAX(units)

  void add(const MeasurementSums& other);
};

struct StepCounts {
  std::int64_t attempts = 0;  // ended attempts
  std::int64_t failures = 0;  // outcome 'failed'
};

// One finished run's contribution to the rollup.
struct RunRollup {
  std::string run_id;
  RunGroup group;
  std::unordered_map<std::string, StepCounts> steps;  // by step_path
  std::unordered_map<MeasurementKey, MeasurementSums, MeasurementKeyHash> measurements;
};

// Reads runs' contributions from the raw tables; statements prepared once.
// A run's measurements are those its own session recorded (the primary key
// serves them without the secondary indexes, which `litmus demo` drops
// while it loads); every attempt counts.
class RunRollupReader {
 public:
  explicit RunRollupReader(Database& db);
  ~RunRollupReader();
  RunRollupReader(const RunRollupReader&) = delete;
  RunRollupReader& operator=(const RunRollupReader&) = delete;

  // False (and `out` cleared) when the run is unknown or not finished.
  bool read(const std::string& run_id, RunRollup& out);

 private:
  struct Statements;
  std::unique_ptr<Statements> s_;
};

// The rollup writer: RunProjection calls it; the schema upgrade rebuilds
// through it. Statements prepared once, on tables that must exist.
class MetricRollup {
 public:
  explicit MetricRollup(Database& db);
  ~MetricRollup();
  MetricRollup(const MetricRollup&) = delete;
  MetricRollup& operator=(const MetricRollup&) = delete;

  // A run ended (run.ended projected): adds it unless it is in already —
  // then its rows may have changed, and its day is rebuilt. Then rebuilds
  // the stale days, if any.
  void run_ended(const std::string& run_id);
  // An event changed a run's rows: if the run is in the rollup, its day is
  // stale (read raw by the lenses until rebuilt). Cheap otherwise.
  void run_changed(const std::string& run_id);
  // Empties the rollup and fills it from every finished run (the upgrade
  // to schema 5). `progress` is called about once a second.
  void rebuild_all(const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

 private:
  struct Statements;
  bool add_run(const std::string& run_id);
  void write(const RunGroup& group, const std::string& step_path, const StepCounts& counts);
  void write(const RunGroup& group, const MeasurementKey& key, const MeasurementSums& sums);
  void rebuild_stale_days();

  Database& db_;
  RunRollupReader reader_;
  RunRollup run_;  // reused
  std::unique_ptr<Statements> s_;
};

}  // namespace litmus::store
