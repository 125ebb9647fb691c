// EventStore's queries of the run projections (runs, steps, measurements):
// lists filtered and sorted in SQL, the stats of a filtered list, and the
// JSON form of their rows.

#include <array>
#include <string>
#include <vector>

#include "core/json_text.hpp"
#include "litmus/outcome.hpp"
#include "store/event_store.hpp"
#include "store/json_fields.hpp"
#include "store/row_reading.hpp"

namespace litmus::store {

using fields::parse_stored;
using fields::text_or_null;
using fields::value_or_null;
using nlohmann::json;

namespace {

constexpr const char* kRunColumns =
    "run_id, session_id, started_ts, ended_ts, outcome, reason, synthetic_end, duration_ns, dut_serial, "
    "dut_part_number, dut_revision, dut_lot_number, product, fixture, station, operator, phase, profile, project, "
    "program, git_commit, git_branch, mocked, filter, environment, guardband_pct, counts, step_count, "
    "measurement_count, hostname";

RunRow read_run(const Statement& q) {
  RunRow r;
  int c = 0;
  r.run_id = q.column_text(c++);
  r.session_id = q.column_text(c++);
  r.started_ts = q.column_optional_int(c++);
  r.ended_ts = q.column_optional_int(c++);
  r.outcome = q.column_text(c++);
  r.reason = q.column_text(c++);
  r.synthetic_end = q.column_int(c++) != 0;
  r.duration_ns = q.column_optional_int(c++);
  for (std::string* text :
       {&r.dut_serial, &r.dut_part_number, &r.dut_revision, &r.dut_lot_number, &r.product, &r.fixture, &r.station,
        &r.operator_name, &r.phase, &r.profile, &r.project, &r.program, &r.git_commit, &r.git_branch}) {
    *text = q.column_text(c++);
  }
  r.mocked = q.column_int(c++) != 0;
  r.filter = q.column_text(c++);
  r.environment = q.column_text(c++);
  r.guardband_pct = q.column_optional_double(c++);
  r.counts = q.column_text(c++);
  r.step_count = q.column_int(c++);
  r.measurement_count = q.column_int(c++);
  r.hostname = q.column_text(c++);
  return r;
}

constexpr const char* kStepColumns =
    "run_id, step_path, vector_index, vector_retry, session_id, position, suite, name, file, line, inputs, status, "
    "outcome, started_ts, ended_ts, duration_ns, retrying, error, failures, measurement_count";

StepRow read_step(const Statement& q) {
  StepRow r;
  r.run_id = q.column_text(0);
  r.step_path = q.column_text(1);
  r.vector_index = q.column_int(2);
  r.vector_retry = q.column_int(3);
  r.session_id = q.column_text(4);
  r.position = q.column_optional_int(5);
  r.suite = q.column_text(6);
  r.name = q.column_text(7);
  r.file = q.column_text(8);
  r.line = q.column_optional_int(9);
  r.inputs = q.column_text(10);
  r.status = q.column_text(11);
  r.outcome = q.column_text(12);
  r.started_ts = q.column_optional_int(13);
  r.ended_ts = q.column_optional_int(14);
  r.duration_ns = q.column_optional_int(15);
  r.retrying = q.column_int(16) != 0;
  r.error = q.column_text(17);
  r.failures = q.column_text(18);
  r.measurement_count = q.column_int(19);
  return r;
}

constexpr const char* kMeasurementColumns =
    "session_id, seq, run_id, step_path, vector_index, vector_retry, ts, name, value, units, outcome, low, high, "
    "nominal, comparator, guardband_pct, limit_source, characteristic_id, spec_ref, instrument_role, "
    "instrument_resource, instrument_channel, instrument_seq, repeated, dut_pin, instrument_serial, calibration_due";

MeasurementRow read_measurement(const Statement& q) {
  MeasurementRow r;
  r.session_id = q.column_text(0);
  r.seq = q.column_int(1);
  r.run_id = q.column_text(2);
  r.step_path = q.column_text(3);
  r.vector_index = q.column_optional_int(4);
  r.vector_retry = q.column_optional_int(5);
  r.ts = q.column_int(6);
  r.name = q.column_text(7);
  r.value = q.column_optional_double(8);
  r.units = q.column_text(9);
  r.outcome = q.column_text(10);
  r.low = q.column_optional_double(11);
  r.high = q.column_optional_double(12);
  r.nominal = q.column_optional_double(13);
  r.comparator = q.column_text(14);
  r.guardband_pct = q.column_optional_double(15);
  r.limit_source = q.column_text(16);
  r.characteristic_id = q.column_text(17);
  r.spec_ref = q.column_text(18);
  r.instrument_role = q.column_text(19);
  r.instrument_resource = q.column_text(20);
  r.instrument_channel = q.column_text(21);
  r.instrument_seq = q.column_optional_int(22);
  r.repeated = q.column_int(23) != 0;
  r.dut_pin = q.column_text(24);
  r.instrument_serial = q.column_text(25);
  r.calibration_due = q.column_text(26);
  return r;
}

// The WHERE clause of a RunQuery; its values are appended to `params`,
// numbered ?1, ?2 … in order.
std::string run_filter(const RunQuery& query, std::vector<std::string>& params) {
  std::string sql = " WHERE 1";
  auto equals = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    params.push_back(value);
    sql += std::string(" AND ") + column + " = ?" + std::to_string(params.size());
  };
  equals("station", query.station);
  equals("dut_serial", query.dut_serial);
  equals("project", query.project);
  equals("phase", query.phase);
  auto bound = [&](const char* comparison, const std::optional<std::int64_t>& ts) {
    if (!ts) return;
    params.push_back(std::to_string(*ts));
    // Parameters are bound as text; the cast keeps the comparison numeric.
    sql += std::string(" AND started_ts ") + comparison + " CAST(?" + std::to_string(params.size()) + " AS INTEGER)";
  };
  bound(">=", query.since_ns);
  bound("<", query.until_ns);
  if (query.outcome == "running") {
    sql += " AND ended_ts IS NULL";
  } else {
    equals("outcome", query.outcome);
  }
  return sql;
}

// Each sort's API name and column, in RunSort order. Every column has an
// index (column, started_ts, run_id) in schema.cpp matching ORDER BY.
struct SortKey {
  std::string_view name;
  const char* column;
};
constexpr std::array<SortKey, 9> kSortKeys = {{{"outcome", "outcome"},
                                               {"serial", "dut_serial"},
                                               {"part_number", "dut_part_number"},
                                               {"hostname", "hostname"},
                                               {"project", "project"},
                                               {"phase", "phase"},
                                               {"started", "started_ts"},
                                               {"steps", "step_count"},
                                               {"measurements", "measurement_count"}}};

// One direction for the key and both tie-breakers, so SQLite walks the
// key's index (forwards or backwards) and stops after one page instead of
// sorting every run. NULLs (a live run's outcome, a run never started)
// come first ascending and last descending.
std::string order_by(const RunQuery& query) {
  const char* direction = query.descending ? " DESC" : " ASC";
  std::string sql = " ORDER BY ";
  if (query.sort != RunSort::started) {
    sql += std::string(kSortKeys[static_cast<std::size_t>(query.sort)].column) + direction + ", ";
  }
  return sql + "started_ts" + direction + ", run_id" + direction;
}

Statement prepare_filtered(Database& db, const std::string& sql, const std::vector<std::string>& params) {
  auto q = db.prepare(sql);
  for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
  return q;
}

}  // namespace

const std::vector<std::string_view>& run_outcome_filters() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Outcome outcome : {Outcome::passed, Outcome::failed, Outcome::errored, Outcome::skipped,
                                  Outcome::terminated, Outcome::aborted, Outcome::done}) {
      out.push_back(to_string(outcome));
    }
    out.push_back("running");
    return out;
  }();
  return names;
}

const std::vector<std::string_view>& run_sort_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& key : kSortKeys) out.push_back(key.name);
    return out;
  }();
  return names;
}

std::optional<RunSort> run_sort_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kSortKeys.size(); ++i) {
    if (kSortKeys[i].name == name) return static_cast<RunSort>(i);
  }
  return std::nullopt;
}

std::string_view to_string(RunSort sort) { return kSortKeys[static_cast<std::size_t>(sort)].name; }

std::vector<RunRow> EventStore::runs(const RunQuery& query) {
  std::vector<std::string> params;
  const std::string where = run_filter(query, params);
  auto q = prepare_filtered(*db_,
                            std::string("SELECT ") + kRunColumns + " FROM runs" + where + order_by(query) +
                                " LIMIT " + std::to_string(std::max(query.limit, 0)) + " OFFSET " +
                                std::to_string(std::max(query.offset, 0)),
                            params);
  return read_rows(q, read_run);
}

std::int64_t EventStore::run_count(const RunQuery& query) {
  std::vector<std::string> params;
  const std::string where = run_filter(query, params);
  auto q = prepare_filtered(*db_, "SELECT count(*) FROM runs" + where, params);
  return q.step() ? q.column_int(0) : 0;
}

RunStats EventStore::run_stats(const RunQuery& query) {
  std::vector<std::string> params;
  const std::string where = run_filter(query, params);
  RunStats stats;
  // Only outcome and started_ts: unfiltered, the runs_outcome index covers
  // the query and no run row is read.
  auto by_outcome = prepare_filtered(
      *db_, "SELECT outcome, count(*), max(started_ts) FROM runs" + where + " GROUP BY outcome", params);
  while (by_outcome.step()) {
    const std::string outcome = by_outcome.column_text(0);
    const std::int64_t count = by_outcome.column_int(1);
    stats.total += count;
    if (const auto latest = by_outcome.column_optional_int(2)) {
      stats.latest_started_ts = std::max(stats.latest_started_ts.value_or(*latest), *latest);
    }
    for (auto [name, member] : {std::pair{"passed", &RunStats::passed}, std::pair{"failed", &RunStats::failed},
                                std::pair{"errored", &RunStats::errored}, std::pair{"aborted", &RunStats::aborted},
                                std::pair{"terminated", &RunStats::terminated},
                                std::pair{"skipped", &RunStats::skipped}, std::pair{"done", &RunStats::done}}) {
      if (outcome == name) stats.*member += count;
    }
  }
  // Live runs have no outcome, but neither has a run whose run.ended named
  // none: ended_ts tells them apart (the runs_live index).
  auto live = prepare_filtered(*db_, "SELECT count(*) FROM runs" + where + " AND ended_ts IS NULL", params);
  stats.running = live.step() ? live.column_int(0) : 0;
  const std::int64_t finished = stats.total - stats.running;
  if (finished > 0) stats.pass_rate = static_cast<double>(stats.passed) / static_cast<double>(finished);
  return stats;
}

std::string EventStore::resolve_run_id(std::string_view id_or_prefix) {
  return resolve_id_prefix(*db_, "runs", "run_id", id_or_prefix, "run");
}

std::optional<RunRow> EventStore::run(std::string_view id_or_prefix) {
  const std::string id = resolve_run_id(id_or_prefix);
  if (id.empty()) return std::nullopt;
  auto q = db_->prepare(std::string("SELECT ") + kRunColumns + " FROM runs WHERE run_id = ?1");
  q.bind(1, id);
  return read_first(q, read_run);
}

std::vector<StepRow> EventStore::steps(std::string_view run_id) {
  auto q = db_->prepare(std::string("SELECT ") + kStepColumns +
                        " FROM steps WHERE run_id = ?1 ORDER BY position, step_path, vector_index, vector_retry");
  q.bind(1, run_id);
  return read_rows(q, read_step);
}

std::vector<MeasurementRow> EventStore::measurements(std::string_view run_id, std::int64_t offset,
                                                     std::int64_t limit) {
  auto q = db_->prepare(std::string("SELECT ") + kMeasurementColumns +
                        " FROM measurements WHERE run_id = ?1 ORDER BY session_id, seq LIMIT ?2 OFFSET ?3");  // measurements_run
  q.bind(1, run_id).bind(2, limit).bind(3, std::max<std::int64_t>(offset, 0));
  return read_rows(q, read_measurement);
}

// --- JSON ----------------------------------------------------------------

void to_json(json& j, const RunRow& r) {
  j = json{{"run_id", r.run_id},
           {"session_id", r.session_id},
           {"started_ts", value_or_null(r.started_ts)},
           {"ended_ts", value_or_null(r.ended_ts)},
           {"outcome", text_or_null(r.outcome)},
           {"reason", r.reason},
           {"synthetic_end", r.synthetic_end},
           {"duration_ns", value_or_null(r.duration_ns)},
           {"dut_serial", r.dut_serial},
           {"dut_part_number", r.dut_part_number},
           {"dut_revision", r.dut_revision},
           {"dut_lot_number", r.dut_lot_number},
           {"product", r.product},
           {"fixture", r.fixture},
           {"station", r.station},
           {"operator", r.operator_name},
           {"phase", r.phase},
           {"profile", r.profile},
           {"project", r.project},
           {"program", r.program},
           {"git_commit", r.git_commit},
           {"git_branch", r.git_branch},
           {"mocked", r.mocked},
           {"filter", r.filter},
           {"environment", parse_stored(r.environment)},
           {"guardband_pct", value_or_null(r.guardband_pct)},
           {"counts", parse_stored(r.counts)},
           {"step_count", r.step_count},
           {"measurement_count", r.measurement_count},
           {"hostname", r.hostname}};
}

void to_json(json& j, const RunStats& s) {
  j = json{{"total", s.total},
           {"passed", s.passed},
           {"failed", s.failed},
           {"errored", s.errored},
           {"aborted", s.aborted},
           {"terminated", s.terminated},
           {"skipped", s.skipped},
           {"done", s.done},
           {"running", s.running},
           {"pass_rate", value_or_null(s.pass_rate)},
           {"latest_started_ts", value_or_null(s.latest_started_ts)}};
}

void to_json(json& j, const StepRow& r) {
  j = json{{"run_id", r.run_id},
           {"step_path", r.step_path},
           {"vector_index", r.vector_index},
           {"vector_retry", r.vector_retry},
           {"session_id", r.session_id},
           {"position", value_or_null(r.position)},
           {"suite", r.suite},
           {"name", r.name},
           {"file", r.file},
           {"line", value_or_null(r.line)},
           {"inputs", parse_stored(r.inputs)},
           {"status", r.status},
           {"outcome", text_or_null(r.outcome)},
           {"started_ts", value_or_null(r.started_ts)},
           {"ended_ts", value_or_null(r.ended_ts)},
           {"duration_ns", value_or_null(r.duration_ns)},
           {"retrying", r.retrying},
           {"error", r.error},
           {"failures", parse_stored(r.failures)},
           {"measurement_count", r.measurement_count}};
}

void append_json(std::string& out, const MeasurementRow& r) {
  json_text::Object o(out);
  auto text_or_null = [&](std::string_view key, const std::string& text) {
    text.empty() ? o.null(key) : o.string(key, text);
  };
  auto int_or_null = [&](std::string_view key, const std::optional<std::int64_t>& value) {
    value ? o.integer(key, *value) : o.null(key);
  };
  auto number_or_null = [&](std::string_view key, const std::optional<double>& value) {
    value ? o.number(key, *value) : o.null(key);
  };
  o.string("session_id", r.session_id);
  o.integer("seq", r.seq);
  o.string("run_id", r.run_id);
  o.string("step_path", r.step_path);
  int_or_null("vector_index", r.vector_index);
  int_or_null("vector_retry", r.vector_retry);
  o.integer("ts", r.ts);
  o.string("name", r.name);
  number_or_null("value", r.value);
  o.string("units", r.units);
  text_or_null("outcome", r.outcome);
  number_or_null("low", r.low);
  number_or_null("high", r.high);
  number_or_null("nominal", r.nominal);
  o.string("comparator", r.comparator);
  number_or_null("guardband_pct", r.guardband_pct);
  o.string("limit_source", r.limit_source);
  o.string("characteristic_id", r.characteristic_id);
  o.string("spec_ref", r.spec_ref);
  o.string("instrument_role", r.instrument_role);
  o.string("instrument_resource", r.instrument_resource);
  o.string("instrument_channel", r.instrument_channel);
  int_or_null("instrument_seq", r.instrument_seq);
  o.boolean("repeated", r.repeated);
  o.string("dut_pin", r.dut_pin);
  o.string("instrument_serial", r.instrument_serial);
  o.string("calibration_due", r.calibration_due);
  o.close();
}

void to_json(json& j, const MeasurementRow& r) {
  j = json{{"session_id", r.session_id},
           {"seq", r.seq},
           {"run_id", r.run_id},
           {"step_path", r.step_path},
           {"vector_index", value_or_null(r.vector_index)},
           {"vector_retry", value_or_null(r.vector_retry)},
           {"ts", r.ts},
           {"name", r.name},
           {"value", value_or_null(r.value)},
           {"units", r.units},
           {"outcome", text_or_null(r.outcome)},
           {"low", value_or_null(r.low)},
           {"high", value_or_null(r.high)},
           {"nominal", value_or_null(r.nominal)},
           {"comparator", r.comparator},
           {"guardband_pct", value_or_null(r.guardband_pct)},
           {"limit_source", r.limit_source},
           {"characteristic_id", r.characteristic_id},
           {"spec_ref", r.spec_ref},
           {"instrument_role", r.instrument_role},
           {"instrument_resource", r.instrument_resource},
           {"instrument_channel", r.instrument_channel},
           {"instrument_seq", value_or_null(r.instrument_seq)},
           {"repeated", r.repeated},
           {"dut_pin", r.dut_pin},
           {"instrument_serial", r.instrument_serial},
           {"calibration_due", r.calibration_due}};
}

}  // namespace litmus::store
