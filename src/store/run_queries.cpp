// EventStore's queries of the run projections (runs, steps, measurements)
// and the JSON form of their rows.

#include <string>
#include <vector>

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
    "measurement_count";

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
  if (query.outcome == "running") {
    sql += " AND ended_ts IS NULL";
  } else {
    equals("outcome", query.outcome);
  }
  return sql;
}

Statement prepare_filtered(Database& db, const std::string& sql, const std::vector<std::string>& params) {
  auto q = db.prepare(sql);
  for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
  return q;
}

}  // namespace

std::vector<RunRow> EventStore::runs(const RunQuery& query) {
  std::vector<std::string> params;
  const std::string where = run_filter(query, params);
  // started_ts DESC keeps the runs_started / runs_station / runs_dut
  // indexes usable; a run never started (NULL) sorts last.
  auto q = prepare_filtered(*db_,
                            std::string("SELECT ") + kRunColumns + " FROM runs" + where +
                                " ORDER BY started_ts DESC, run_id LIMIT " + std::to_string(std::max(query.limit, 0)) +
                                " OFFSET " + std::to_string(std::max(query.offset, 0)),
                            params);
  return read_rows(q, read_run);
}

std::int64_t EventStore::run_count(const RunQuery& query) {
  std::vector<std::string> params;
  const std::string where = run_filter(query, params);
  auto q = prepare_filtered(*db_, "SELECT count(*) FROM runs" + where, params);
  return q.step() ? q.column_int(0) : 0;
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

std::vector<MeasurementRow> EventStore::measurements(std::string_view run_id) {
  auto q = db_->prepare(std::string("SELECT ") + kMeasurementColumns +
                        " FROM measurements WHERE run_id = ?1 ORDER BY session_id, seq");
  q.bind(1, run_id);
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
           {"measurement_count", r.measurement_count}};
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
