#include "store/metric_rollup.hpp"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "store/row_reading.hpp"

namespace litmus::store {

namespace {

void mix(std::size_t& h, std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); }

// The limits as key columns: has_low, low (0 without), has_high, high.
// NULL would make every row a key of its own to a UNIQUE constraint.
void bind_limit(Statement& q, int index, const std::optional<double>& limit) {
  q.bind(index, static_cast<std::int64_t>(limit.has_value()));
  q.bind(index + 1, limit.value_or(0.0));
}

// A run's keys and session, if it is finished: ?1 run_id.
std::string run_sql() {
  return std::string("SELECT r.session_id, r.started_ts, ") + kRunPhaseKeySql + ", " + kRunProductKeySql + ", " +
         kRunStationKeySql + ", " + kRunLotKeySql + " FROM runs r WHERE r.run_id = ?1 AND " + kRunFinishedSql;
}

// Its measurements in the order they were taken (?1 session, ?2 run).
std::string run_measurements_sql() {
  return "SELECT COALESCE(m.step_path, ''), COALESCE(m.name, ''), COALESCE(m.vector_index, 0), m.low, m.high, "
         "COALESCE(m.units, ''), m.value, m.outcome, " +
         std::string(kJudgedMeasurementSql) + " FROM measurements m WHERE m.session_id = ?1 AND m.run_id = ?2";
}

// Its ended step attempts.
constexpr const char* kRunStepsSql =
    "SELECT step_path, outcome = 'failed' FROM steps WHERE run_id = ?1 AND status = 'ended'";

constexpr const char* kRollupKeyColumns = "day, phase, product, station, lot";
constexpr const char* kNotRolledUp = " AND NOT EXISTS (SELECT 1 FROM metric_rollup_runs g WHERE g.run_id = r.run_id)";

}  // namespace

// Within a day of the int64 range's ends (no real clock says so) the
// result is clamped rather than overflowing: one day past kNoDay, or max.
std::int64_t utc_day_floor(std::int64_t ts_ns) {
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  if (ts_ns < kMin + kNanosPerDay) return kMin + 1;
  std::int64_t rest = ts_ns % kNanosPerDay;
  if (rest < 0) rest += kNanosPerDay;
  return ts_ns - rest;
}

std::int64_t utc_day_ceil(std::int64_t ts_ns) {
  const std::int64_t floor = utc_day_floor(ts_ns);
  if (floor == ts_ns) return floor;
  if (floor > std::numeric_limits<std::int64_t>::max() - kNanosPerDay) return std::numeric_limits<std::int64_t>::max();
  return floor + kNanosPerDay;
}

double limit_shift(std::optional<double> lsl, std::optional<double> usl) {
  if (lsl && usl) return (*lsl + *usl) / 2;
  return lsl ? *lsl : usl.value_or(0.0);
}

std::size_t MeasurementKeyHash::operator()(const MeasurementKey& k) const {
  std::size_t h = std::hash<std::string>()(k.step_path);
  mix(h, std::hash<std::string>()(k.name));
  mix(h, std::hash<std::int64_t>()(k.vector_index));
  mix(h, k.low ? std::hash<double>()(*k.low) : 1);
  mix(h, k.high ? std::hash<double>()(*k.high) : 2);
  return h;
}

void MeasurementSums::add(const MeasurementSums& o) {
  total += o.total;
  failed += o.failed;
  n += o.n;
  runs += o.runs;
  sum += o.sum;
  sum_squares += o.sum_squares;
  within_ss += o.within_ss;
  within_df += o.within_df;
  if (o.units > units) units = o.units;
}

// --- reading a run ----------------------------------------------------------

struct RunRollupReader::Statements {
  Statement run;
  Statement measurements;
  Statement steps;
  explicit Statements(Database& db)
      : run(db.prepare(run_sql())), measurements(db.prepare(run_measurements_sql())), steps(db.prepare(kRunStepsSql)) {}
};

RunRollupReader::RunRollupReader(Database& db) : s_(std::make_unique<Statements>(db)) {}
RunRollupReader::~RunRollupReader() = default;

bool RunRollupReader::read(const std::string& run_id, RunRollup& out) {
  out.run_id = run_id;
  out.steps.clear();
  out.measurements.clear();
  Statements& s = *s_;
  s.run.reset();
  s.run.bind(1, run_id);
  if (!s.run.step()) return false;
  const std::string session_id = s.run.column_text(0);
  const auto started = s.run.column_optional_int(1);
  out.group.day = started ? utc_day_floor(*started) : kNoDay;
  out.group.phase = s.run.column_text(2);
  out.group.product = s.run.column_text(3);
  out.group.station = s.run.column_text(4);
  out.group.lot = s.run.column_text(5);
  s.run.reset();

  s.steps.reset();
  s.steps.bind(1, run_id);
  while (s.steps.step()) {
    StepCounts& counts = out.steps[s.steps.column_text(0)];
    counts.attempts += 1;
    counts.failures += s.steps.column_int(1);
  }
  s.steps.reset();

  // The run is one subgroup of every key it measured: n, Σ, Σ² here, the
  // within-run sum of squares once the run is read.
  s.measurements.reset();
  s.measurements.bind(1, session_id).bind(2, run_id);
  MeasurementKey key;
  while (s.measurements.step()) {
    key.step_path = s.measurements.column_blob(0);
    key.name = s.measurements.column_blob(1);
    key.vector_index = s.measurements.column_int(2);
    key.low = s.measurements.column_optional_double(3);
    key.high = s.measurements.column_optional_double(4);
    MeasurementSums& sums = out.measurements[key];
    sums.total += 1;
    const std::string_view outcome = s.measurements.column_blob(7);
    sums.failed += outcome == "failed";
    if (s.measurements.column_int(8) == 0) continue;  // not judged
    const double x = s.measurements.column_double(6) - limit_shift(key.low, key.high);
    sums.n += 1;
    sums.sum += x;
    sums.sum_squares += x * x;
    if (const auto units = s.measurements.column_blob(5); units > sums.units) sums.units = units;
  }
  s.measurements.reset();
  for (auto& [k, sums] : out.measurements) {
    if (sums.n == 0) continue;
    sums.runs = 1;
    sums.within_df = sums.n - 1;
    if (sums.n > 1) sums.within_ss = sums.sum_squares - sums.sum * sums.sum / static_cast<double>(sums.n);
  }
  return true;
}

// --- writing ----------------------------------------------------------------

struct MetricRollup::Statements {
  Statement is_in;
  Statement mark;
  Statement day_of;
  Statement mark_stale;
  Statement upsert_step;
  Statement upsert_measurement;
  Statement stale_days;
  Statement runs_of_day;
  Statement unmarked_runs_of_day;
  Statement unstarted_unmarked_runs;
  Statement drop_day_steps;
  Statement drop_day_measurements;
  Statement drop_day_runs;
  Statement drop_stale_day;

  explicit Statements(Database& db)
      : is_in(db.prepare("SELECT 1 FROM metric_rollup_runs WHERE run_id = ?1")),
        mark(db.prepare("INSERT INTO metric_rollup_runs(run_id, day) VALUES(?1, ?2)")),
        day_of(db.prepare("SELECT day FROM metric_rollup_runs WHERE run_id = ?1")),
        mark_stale(db.prepare("INSERT OR IGNORE INTO metric_rollup_stale(day) VALUES(?1)")),
        upsert_step(db.prepare(std::string("INSERT INTO metric_rollup_steps(") + kRollupKeyColumns +
                               ", step_path, attempts, failures) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                               "ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, "
                               "failures = failures + excluded.failures")),
        upsert_measurement(db.prepare(
            std::string("INSERT INTO metric_rollup_measurements(") + kRollupKeyColumns +
            ", step_path, name, vector_index, has_low, low, has_high, high, units, total, failed, n, runs, sum, "
            "sum_squares, within_ss, within_df) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
            "?15, ?16, ?17, ?18, ?19, ?20, ?21) ON CONFLICT DO UPDATE SET units = max(units, excluded.units), "
            "total = total + excluded.total, failed = failed + excluded.failed, n = n + excluded.n, "
            "runs = runs + excluded.runs, sum = sum + excluded.sum, sum_squares = sum_squares + excluded.sum_squares, "
            "within_ss = within_ss + excluded.within_ss, within_df = within_df + excluded.within_df")),
        stale_days(db.prepare("SELECT day FROM metric_rollup_stale ORDER BY day")),
        runs_of_day(db.prepare("SELECT run_id FROM metric_rollup_runs WHERE day = ?1")),
        unmarked_runs_of_day(db.prepare(
            std::string("SELECT r.run_id FROM runs r WHERE r.started_ts >= ?1 AND r.started_ts < ?2 AND ") +
            kRunFinishedSql + kNotRolledUp)),
        unstarted_unmarked_runs(db.prepare(std::string("SELECT r.run_id FROM runs r WHERE r.started_ts IS NULL AND ") +
                                           kRunFinishedSql + kNotRolledUp)),
        drop_day_steps(db.prepare("DELETE FROM metric_rollup_steps WHERE day = ?1")),
        drop_day_measurements(db.prepare("DELETE FROM metric_rollup_measurements WHERE day = ?1")),
        drop_day_runs(db.prepare("DELETE FROM metric_rollup_runs WHERE day = ?1")),
        drop_stale_day(db.prepare("DELETE FROM metric_rollup_stale WHERE day = ?1")) {}
};

MetricRollup::MetricRollup(Database& db) : db_(db), reader_(db), s_(std::make_unique<Statements>(db)) {}
MetricRollup::~MetricRollup() = default;

void MetricRollup::write(const RunGroup& g, const std::string& step_path, const StepCounts& counts) {
  Statement& q = s_->upsert_step;
  q.reset();
  q.bind(1, g.day).bind(2, g.phase).bind(3, g.product).bind(4, g.station).bind(5, g.lot).bind(6, step_path);
  q.bind(7, counts.attempts).bind(8, counts.failures);
  q.step();
}

void MetricRollup::write(const RunGroup& g, const MeasurementKey& k, const MeasurementSums& m) {
  Statement& q = s_->upsert_measurement;
  q.reset();
  q.bind(1, g.day).bind(2, g.phase).bind(3, g.product).bind(4, g.station).bind(5, g.lot);
  q.bind(6, k.step_path).bind(7, k.name).bind(8, k.vector_index);
  bind_limit(q, 9, k.low);
  bind_limit(q, 11, k.high);
  q.bind(13, m.units).bind(14, m.total).bind(15, m.failed).bind(16, m.n).bind(17, m.runs).bind(18, m.sum);
  q.bind(19, m.sum_squares).bind(20, m.within_ss).bind(21, m.within_df);
  q.step();
}

bool MetricRollup::add_run(const std::string& run_id) {
  s_->is_in.reset();
  s_->is_in.bind(1, run_id);
  const bool in = s_->is_in.step();
  s_->is_in.reset();
  if (in || !reader_.read(run_id, run_)) return false;
  for (const auto& [path, counts] : run_.steps) write(run_.group, path, counts);
  for (const auto& [key, sums] : run_.measurements) write(run_.group, key, sums);
  s_->mark.reset();
  s_->mark.bind(1, run_id).bind(2, run_.group.day).step();
  return true;
}

void MetricRollup::run_changed(const std::string& run_id) {
  // A read first: this runs for every run event, and an INSERT … SELECT
  // that inserts nothing still opens a statement transaction.
  s_->day_of.reset();
  s_->day_of.bind(1, run_id);
  const bool in = s_->day_of.step();
  const std::int64_t day = in ? s_->day_of.column_int(0) : 0;
  s_->day_of.reset();
  if (!in) return;
  s_->mark_stale.reset();
  s_->mark_stale.bind(1, day).step();
}

void MetricRollup::run_ended(const std::string& run_id) {
  // In already (a second run.ended): its day is rebuilt from the raw rows
  // below, never added to twice.
  run_changed(run_id);
  add_run(run_id);
  rebuild_stale_days();
}

void MetricRollup::rebuild_stale_days() {
  s_->stale_days.reset();
  const std::vector<std::int64_t> days = read_rows(s_->stale_days, [](Statement& q) { return q.column_int(0); });
  s_->stale_days.reset();
  for (const std::int64_t day : days) {
    // The runs in the day's rows (one may have moved to another day since)
    // and the finished runs now starting that day but in no row.
    std::vector<std::string> runs;
    Statement& in_day = s_->runs_of_day;
    in_day.reset();
    in_day.bind(1, day);
    while (in_day.step()) runs.push_back(in_day.column_text(0));
    in_day.reset();
    Statement& unmarked = day == kNoDay ? s_->unstarted_unmarked_runs : s_->unmarked_runs_of_day;
    unmarked.reset();
    if (day != kNoDay) unmarked.bind(1, day).bind(2, day + kNanosPerDay);
    while (unmarked.step()) runs.push_back(unmarked.column_text(0));
    unmarked.reset();
    for (Statement* drop : {&s_->drop_day_steps, &s_->drop_day_measurements, &s_->drop_day_runs, &s_->drop_stale_day}) {
      drop->reset();
      drop->bind(1, day).step();
    }
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    for (const auto& run_id : runs) add_run(run_id);
  }
}

void MetricRollup::rebuild_all(const std::function<void(std::int64_t, std::int64_t)>& progress) {
  db_.exec(
      "DELETE FROM metric_rollup_steps; DELETE FROM metric_rollup_measurements; DELETE FROM metric_rollup_runs; "
      "DELETE FROM metric_rollup_stale");
  std::int64_t total = 0;
  {
    auto count = db_.prepare(std::string("SELECT count(*) FROM runs r WHERE ") + kRunFinishedSql);
    if (count.step()) total = count.column_int(0);
  }
  // Day by day (runs in start order), summed in memory and written once
  // per row: the same sums as run-by-run upserts, without 5 M statements.
  auto runs = db_.prepare(std::string("SELECT r.run_id FROM runs r WHERE ") + kRunFinishedSql + " ORDER BY r.started_ts");
  struct DayRow {
    RunGroup group;
    std::unordered_map<std::string, StepCounts> steps;
    std::unordered_map<MeasurementKey, MeasurementSums, MeasurementKeyHash> measurements;
  };
  // Rows of the current day by their run keys.
  std::unordered_map<std::string, DayRow> rows;
  std::vector<std::pair<std::string, std::int64_t>> marks;
  std::optional<std::int64_t> current_day;
  auto flush = [&] {
    for (const auto& [keys, row] : rows) {
      for (const auto& [path, counts] : row.steps) write(row.group, path, counts);
      for (const auto& [key, sums] : row.measurements) write(row.group, key, sums);
    }
    for (const auto& [run_id, day] : marks) {
      s_->mark.reset();
      s_->mark.bind(1, run_id).bind(2, day).step();
    }
    rows.clear();
    marks.clear();
  };
  std::int64_t done = 0;
  auto last = std::chrono::steady_clock::now();
  RunRollup run;
  while (runs.step()) {
    const std::string run_id = runs.column_text(0);
    ++done;
    if (!reader_.read(run_id, run)) continue;
    if (current_day != run.group.day) {
      flush();
      current_day = run.group.day;
    }
    const RunGroup& g = run.group;
    std::string keys = g.phase;
    for (const std::string* part : {&g.product, &g.station, &g.lot}) {
      keys += '\x1f';
      keys += *part;
    }
    DayRow& row = rows[keys];
    row.group = g;
    for (const auto& [path, counts] : run.steps) {
      StepCounts& into = row.steps[path];
      into.attempts += counts.attempts;
      into.failures += counts.failures;
    }
    for (const auto& [key, sums] : run.measurements) row.measurements[key].add(sums);
    marks.emplace_back(run_id, g.day);
    if (progress && std::chrono::steady_clock::now() - last >= std::chrono::seconds(1)) {
      last = std::chrono::steady_clock::now();
      progress(done, total);
    }
  }
  flush();
  if (progress) progress(done, total);
}

}  // namespace litmus::store
