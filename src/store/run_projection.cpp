#include "store/run_projection.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "litmus/outcome.hpp"
#include "store/json_fields.hpp"
#include "store/metric_rollup.hpp"
#include "store/row_reading.hpp"

namespace litmus::store {

using nlohmann::json;
using namespace fields;

namespace {

// run.started payload keys stored as text, each in the runs column of the
// same name; the UPDATE below is built from this list so the two agree.
constexpr std::array<const char*, 14> kRunTextFields = {
    "dut_serial", "dut_part_number", "dut_revision", "dut_lot_number", "product", "fixture",    "station",
    "operator",   "phase",           "profile",      "project",        "program", "git_commit", "git_branch"};
constexpr int kRunTextFirst = 4;  // ?1 run_id, ?2 session_id, ?3 started_ts

std::string run_started_sql() {
  std::string sql = "UPDATE runs SET session_id = ?2, started_ts = ?3";
  int index = kRunTextFirst;
  for (const char* column : kRunTextFields) sql += std::string(", ") + column + " = ?" + std::to_string(index++);
  sql += ", mocked = ?" + std::to_string(index) + ", filter = ?" + std::to_string(index + 1) + ", environment = ?" +
         std::to_string(index + 2) + ", guardband_pct = ?" + std::to_string(index + 3) +
         // The session's machine, copied so runs sort and filter on it
         // without a join; session.started came first in the journal. A
         // session that named none falls back to the run's environment.
         ", hostname = coalesce((SELECT hostname FROM sessions WHERE session_id = ?2), ?" +
         std::to_string(index + 4) + ") WHERE run_id = ?1";
  return sql;
}

// What a step row inherits from an earlier row of the same step (its
// discovery or an earlier attempt): that of its first row in primary-key
// order, `?1` run_id, `?2` step_path. One index seek per column: a joined
// sub-select was materialised into a temporary table (a B-tree opened and
// freed) on every step event, most of the cost of ingesting a run.
std::string sibling(const char* column) {
  return std::string("(SELECT ") + column +
         " FROM steps WHERE run_id = ?1 AND step_path = ?2 ORDER BY vector_index, vector_retry LIMIT 1)";
}

// position, suite, name, file, line; a step never discovered sorts after
// every step seen so far.
std::string sibling_select() {
  return "coalesce(" + sibling("position") + ", (SELECT coalesce(max(position) + 1, 0) FROM steps WHERE run_id = ?1)), " +
         "coalesce(" + sibling("suite") + ", ?6), coalesce(" + sibling("name") + ", ?7), " + sibling("file") + ", " +
         sibling("line");
}
// INSERT … SELECT needs a WHERE before ON CONFLICT (SQLite's parsing rule).
constexpr const char* kSiblingWhere = " WHERE true ";
constexpr const char* kStepKeyColumns =
    "run_id, step_path, vector_index, vector_retry, session_id, position, suite, "
    "name, file, line";
constexpr const char* kStepConflict = "ON CONFLICT(run_id, step_path, vector_index, vector_retry) DO UPDATE SET ";

// ?1 run_id ?2 step_path ?3 vector_index ?4 vector_retry ?5 session_id
// ?6 suite ?7 name (fallbacks) ?8 inputs ?9 started_ts
std::string step_started_sql() {
  return std::string("INSERT INTO steps(") + kStepKeyColumns +
         ", inputs, status, started_ts) SELECT ?1, ?2, ?3, ?4, ?5, " + sibling_select() + ", ?8, 'running', ?9" +
         kSiblingWhere + kStepConflict +
         "status = 'running', session_id = excluded.session_id, inputs = excluded.inputs, "
         "started_ts = excluded.started_ts";
}

// ?8 outcome ?9 ended_ts ?10 duration_ns ?11 retrying ?12 error ?13 failures
std::string step_ended_sql() {
  return std::string("INSERT INTO steps(") + kStepKeyColumns +
         ", status, outcome, ended_ts, duration_ns, retrying, error, failures) SELECT ?1, ?2, ?3, ?4, ?5, " +
         sibling_select() + ", 'ended', ?8, ?9, ?10, ?11, ?12, ?13" + kSiblingWhere + kStepConflict +
         "status = 'ended', session_id = excluded.session_id, outcome = excluded.outcome, "
         "ended_ts = excluded.ended_ts, duration_ns = coalesce(excluded.duration_ns, excluded.ended_ts - started_ts), "
         "retrying = excluded.retrying, error = excluded.error, failures = excluded.failures";
}

constexpr const char* kInsertMeasurement =
    "INSERT OR IGNORE INTO measurements(session_id, seq, run_id, step_path, vector_index, vector_retry, ts, name, "
    "value, units, outcome, low, high, nominal, comparator, guardband_pct, limit_source, characteristic_id, spec_ref, "
    "instrument_role, instrument_resource, instrument_channel, instrument_seq, repeated, dut_pin, instrument_serial, "
    "calibration_due) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
    "?23, ?24, ?25, ?26, ?27)";

constexpr std::array<const char*, 6> kHandledTypes = {event_type::run_started,           event_type::run_ended,
                                                      event_type::test_steps_discovered, event_type::test_step_started,
                                                      event_type::test_step_ended,       event_type::test_measurement};

Statement& bind_optional(Statement& s, int index, const std::optional<std::int64_t>& value) {
  return value ? s.bind(index, *value) : s.bind_null(index);
}

Statement& bind_optional(Statement& s, int index, const std::optional<double>& value) {
  return value ? s.bind(index, *value) : s.bind_null(index);
}

Statement& bind_optional(Statement& s, int index, const std::optional<std::string>& value) {
  return value ? s.bind(index, *value) : s.bind_null(index);
}

// The payload's `key` when it names a litmus::Outcome; anything else is
// not trusted into the outcome columns (the raw event keeps it).
std::optional<std::string> outcome_field(const json& payload, const char* key) {
  const std::string text = string_field(payload, key);
  if (!outcome_from_string(text)) return std::nullopt;
  return text;
}

// Step events without a sweep may carry vector_index -1: they are vector 0.
std::int64_t vector_of(const Event& e) { return e.vector_index >= 0 ? e.vector_index : 0; }

std::int64_t retry_of(const json& payload) { return std::max<std::int64_t>(int_field(payload, "vector_retry"), 0); }

// "Suite/Test" → {"Suite", "Test"}: names for a step never discovered.
std::pair<std::string, std::string> split_step_path(const std::string& path) {
  const auto slash = path.find('/');
  if (slash == std::string::npos) return {std::string(), path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

}  // namespace

struct RunProjection::Statements {
  Statement ensure_run;
  Statement run_started;
  Statement run_ended;
  Statement never_ran;
  Statement close_running;
  Statement discover_step;
  Statement set_step_count;
  Statement step_started;
  Statement step_ended;
  Statement insert_measurement;
  Statement count_run_measurement;
  Statement count_step_measurement;

  explicit Statements(Database& db)
      : ensure_run(db.prepare("INSERT OR IGNORE INTO runs(run_id, session_id) VALUES(?1, ?2)")),
        run_started(db.prepare(run_started_sql())),
        run_ended(db.prepare("UPDATE runs SET ended_ts = ?2, outcome = ?3, reason = ?4, synthetic_end = ?5, "
                             "duration_ns = coalesce(?6, ?2 - started_ts), counts = ?7 WHERE run_id = ?1")),
        never_ran(db.prepare("UPDATE steps SET status = 'never_ran' WHERE run_id = ?1 AND status = 'pending'")),
        // ?3 is NULL for a synthetic end: recovery's clock says when the
        // crash was found, not when the step stopped.
        close_running(
            db.prepare("UPDATE steps SET status = 'ended', outcome = ?2, ended_ts = ?3, duration_ns = ?3 - started_ts, "
                       "error = coalesce(error, ?4) WHERE run_id = ?1 AND status = 'running'")),
        discover_step(db.prepare(
            std::string("INSERT INTO steps(") + kStepKeyColumns +
            ", status) VALUES(?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, 'pending') " + kStepConflict +
            "position = excluded.position, suite = excluded.suite, name = excluded.name, file = excluded.file, "
            "line = excluded.line")),
        set_step_count(db.prepare("UPDATE runs SET step_count = ?2 WHERE run_id = ?1")),
        step_started(db.prepare(step_started_sql())),
        step_ended(db.prepare(step_ended_sql())),
        insert_measurement(db.prepare(kInsertMeasurement)),
        count_run_measurement(
            db.prepare("UPDATE runs SET measurement_count = measurement_count + 1 WHERE run_id = ?1")),
        count_step_measurement(
            db.prepare("UPDATE steps SET measurement_count = measurement_count + 1 "
                       "WHERE run_id = ?1 AND step_path = ?2 AND vector_index = ?3 AND vector_retry = ?4")) {}
};

RunProjection::RunProjection(Database& db)
    : db_(db), s_(std::make_unique<Statements>(db)), rollup_(std::make_unique<MetricRollup>(db)) {}

RunProjection::~RunProjection() = default;

bool RunProjection::handles(std::string_view type) {
  return std::find(kHandledTypes.begin(), kHandledTypes.end(), type) != kHandledTypes.end();
}

void RunProjection::apply(const Event& e, const json& payload) {
  Statements& s = *s_;
  if (e.run_id.empty()) {
    // Nothing to key a run or a step on; a measurement is still worth its
    // row (keyed by session and seq).
    if (e.type != event_type::test_measurement) return;
  } else {
    s.ensure_run.reset();
    s.ensure_run.bind(1, e.run_id).bind(2, e.session_id).step();
    // An event for a run already in the metrics rollup makes its day
    // stale (run.ended handles that itself, below).
    if (e.type != event_type::run_ended) rollup_->run_changed(e.run_id);
  }

  if (e.type == event_type::run_started) {
    Statement& q = s.run_started;
    q.reset();
    q.bind(1, e.run_id).bind(2, e.session_id).bind(3, e.ts);
    int index = kRunTextFirst;
    for (const char* key : kRunTextFields) q.bind_text_or_null(index++, string_field(payload, key));
    q.bind(index, static_cast<std::int64_t>(bool_field(payload, "mocked")));
    q.bind_text_or_null(index + 1, string_field(payload, "filter"));
    bind_optional(q, index + 2, object_text(payload, "environment"));
    bind_optional(q, index + 3, optional_number(payload, "guardband_pct"));
    const json* environment = member(payload, "environment");
    q.bind_text_or_null(index + 4, environment ? string_field(*environment, "hostname") : std::string());
    q.step();
  } else if (e.type == event_type::run_ended) {
    const auto outcome = outcome_field(payload, "outcome");
    const std::string reason = string_field(payload, "reason");
    const bool synthetic = bool_field(payload, "synthetic");
    s.run_ended.reset();
    s.run_ended.bind(1, e.run_id).bind(2, e.ts);
    bind_optional(s.run_ended, 3, outcome);
    s.run_ended.bind_text_or_null(4, reason).bind(5, static_cast<std::int64_t>(synthetic));
    bind_optional(s.run_ended, 6, optional_int(payload, "duration_ns"));
    bind_optional(s.run_ended, 7, object_text(payload, "counts"));
    s.run_ended.step();

    s.never_ran.reset();
    s.never_ran.bind(1, e.run_id).step();
    // A step still running when its run ends was cut short: it takes the
    // run's outcome when that says how (aborted, terminated), else errored.
    const auto run_outcome = outcome ? outcome_from_string(*outcome) : std::nullopt;
    const bool cut = run_outcome == Outcome::aborted || run_outcome == Outcome::terminated;
    s.close_running.reset();
    s.close_running.bind(1, e.run_id).bind(2, to_string(cut ? *run_outcome : Outcome::errored));
    if (synthetic) {
      s.close_running.bind_null(3);
    } else {
      s.close_running.bind(3, e.ts);
    }
    s.close_running.bind_text_or_null(4, reason).step();
    // The run's rows are final: into the metrics rollup, exactly once.
    rollup_->run_ended(e.run_id);
  } else if (e.type == event_type::test_steps_discovered) {
    const json* steps = member(payload, "steps");
    if (!steps || !steps->is_array()) return;
    std::int64_t position = 0;
    for (const json& step : *steps) {
      const std::string path = string_field(step, "step_path");
      if (path.empty()) continue;
      const std::int64_t vectors = std::clamp<std::int64_t>(int_field(step, "vectors"), 1, kMaxDiscoveredVectors);
      for (std::int64_t vector = 0; vector < vectors; ++vector) {
        Statement& q = s.discover_step;
        q.reset();
        q.bind(1, e.run_id).bind(2, path).bind(3, vector).bind(4, e.session_id).bind(5, position);
        q.bind_text_or_null(6, string_field(step, "suite")).bind_text_or_null(7, string_field(step, "name"));
        q.bind_text_or_null(8, string_field(step, "file"));
        bind_optional(q, 9, optional_int(step, "line"));
        q.step();
      }
      ++position;
    }
    s.set_step_count.reset();
    s.set_step_count.bind(1, e.run_id).bind(2, position).step();
  } else if (e.type == event_type::test_step_started || e.type == event_type::test_step_ended) {
    if (e.step_path.empty()) return;
    const bool started = e.type == event_type::test_step_started;
    Statement& q = started ? s.step_started : s.step_ended;
    const auto [suite, name] = split_step_path(e.step_path);
    q.reset();
    q.bind(1, e.run_id).bind(2, e.step_path).bind(3, vector_of(e)).bind(4, retry_of(payload)).bind(5, e.session_id);
    q.bind_text_or_null(6, suite).bind_text_or_null(7, name);
    if (started) {
      bind_optional(q, 8, object_text(payload, "inputs"));
      q.bind(9, e.ts);
    } else {
      bind_optional(q, 8, outcome_field(payload, "outcome"));
      q.bind(9, e.ts);
      bind_optional(q, 10, optional_int(payload, "duration_ns"));
      q.bind(11, static_cast<std::int64_t>(bool_field(payload, "retrying")));
      q.bind_text_or_null(12, string_field(payload, "error"));
      bind_optional(q, 13, array_text(payload, "failures"));
    }
    q.step();
  } else if (e.type == event_type::test_measurement) {
    const bool in_step = !e.step_path.empty();
    const json* limit_member = member(payload, "limit");
    const json limit = limit_member && limit_member->is_object() ? *limit_member : json();
    const json* instrument_member = member(payload, "instrument");
    const json instrument = instrument_member && instrument_member->is_object() ? *instrument_member : json();
    std::string units = string_field(payload, "units");
    if (units.empty()) units = string_field(limit, "units");

    Statement& q = s.insert_measurement;
    q.reset();
    q.bind(1, e.session_id).bind(2, static_cast<std::int64_t>(e.seq)).bind_text_or_null(3, e.run_id);
    q.bind_text_or_null(4, e.step_path);
    bind_optional(q, 5, in_step ? std::optional<std::int64_t>(vector_of(e)) : std::nullopt);
    q.bind(6, retry_of(payload)).bind(7, e.ts);
    q.bind_text_or_null(8, string_field(payload, "name"));
    bind_optional(q, 9, optional_number(payload, "value"));
    q.bind_text_or_null(10, units);
    bind_optional(q, 11, outcome_field(payload, "outcome"));
    bind_optional(q, 12, optional_number(limit, "low"));
    bind_optional(q, 13, optional_number(limit, "high"));
    bind_optional(q, 14, optional_number(limit, "nominal"));
    q.bind_text_or_null(15, string_field(limit, "comparator"));
    bind_optional(q, 16, optional_number(limit, "guardband_pct"));
    q.bind_text_or_null(17, string_field(limit, "source"));
    q.bind_text_or_null(18, string_field(payload, "characteristic_id"));
    q.bind_text_or_null(19, string_field(payload, "spec_ref"));
    q.bind_text_or_null(20, string_field(instrument, "role"));
    q.bind_text_or_null(21, string_field(instrument, "resource"));
    q.bind_text_or_null(22, string_field(instrument, "channel"));
    bind_optional(q, 23, optional_int(instrument, "seq"));
    q.bind(24, static_cast<std::int64_t>(bool_field(payload, "repeated")));
    q.bind_text_or_null(25, string_field(payload, "dut_pin"));
    q.bind_text_or_null(26, string_field(instrument, "serial"));
    q.bind_text_or_null(27, string_field(instrument, "calibration_due"));
    q.step();
    if (db_.changes() == 0 || e.run_id.empty()) return;
    s.count_run_measurement.reset();
    s.count_run_measurement.bind(1, e.run_id).step();
    if (!in_step) return;
    s.count_step_measurement.reset();
    s.count_step_measurement.bind(1, e.run_id).bind(2, e.step_path).bind(3, vector_of(e)).bind(4, retry_of(payload));
    s.count_step_measurement.step();
  }
}

void project_stored_runs(Database& db) {
  std::string types;
  for (const char* type : kHandledTypes) types += std::string(types.empty() ? "'" : ", '") + type + "'";
  auto q = db.prepare(std::string("SELECT ") + kEventColumns + " FROM events WHERE type IN (" + types +
                      ") ORDER BY session_id, seq");
  RunProjection projection(db);
  while (q.step()) {
    const Event e = read_event(q);
    projection.apply(e, parse_object(e.payload));
  }
}

}  // namespace litmus::store
