// How far runs got: a run's step and measurement stats (the Results
// detail's Overview) and the runs in flight with their progress (the
// ACTIVE TESTS block), all counted in SQL so a 10 000-measurement run is
// never read row by row for them.

#include <string>
#include <utility>
#include <vector>

#include "store/event_store.hpp"
#include "store/json_fields.hpp"

namespace litmus::store {

using fields::text_or_null;
using fields::value_or_null;
using nlohmann::json;

namespace {

// Runs in flight at once are a handful per station; this only bounds a
// store full of runs whose processes died before recovery closed them.
constexpr int kMaxActiveRuns = 1000;

// A step row is the last attempt of its (step_path, vector_index) when no
// later attempt exists; the primary key (run_id, step_path, vector_index,
// vector_retry) answers the subquery from its index.
constexpr const char* kStepStatsSql =
    "SELECT status, outcome, vector_retry = (SELECT max(l.vector_retry) FROM steps l WHERE l.run_id = s.run_id "
    "AND l.step_path = s.step_path AND l.vector_index = s.vector_index), count(*) "
    "FROM steps s WHERE s.run_id = ?1 GROUP BY 1, 2, 3";

// A pair is finished once an attempt ended without another one following
// (retrying = 0); a failed attempt being retried is not.
constexpr const char* kProgressSql =
    "SELECT count(*), coalesce(sum(finished), 0) FROM (SELECT max(status = 'ended' AND retrying = 0) AS finished "
    "FROM steps WHERE run_id = ?1 GROUP BY step_path, vector_index)";

constexpr const char* kCurrentStepSql =
    "SELECT step_path FROM steps WHERE run_id = ?1 AND status = 'running' ORDER BY started_ts DESC LIMIT 1";

}  // namespace

StepStats EventStore::step_stats(std::string_view run_id) {
  StepStats stats;
  auto q = db_->prepare(kStepStatsSql);
  q.bind(1, run_id);
  while (q.step()) {
    const std::string status = q.column_text(0);
    const std::string outcome = q.column_text(1);
    const bool last = q.column_int(2) != 0;
    const std::int64_t count = q.column_int(3);
    stats.attempts += count;
    if (!last) continue;
    stats.total += count;
    const std::string& bucket = status == "ended" ? outcome : status;
    for (auto [name, member] :
         {std::pair{"passed", &StepStats::passed}, std::pair{"failed", &StepStats::failed},
          std::pair{"errored", &StepStats::errored}, std::pair{"skipped", &StepStats::skipped},
          std::pair{"done", &StepStats::done}, std::pair{"aborted", &StepStats::aborted},
          std::pair{"terminated", &StepStats::terminated}, std::pair{"never_ran", &StepStats::never_ran},
          std::pair{"running", &StepStats::running}, std::pair{"pending", &StepStats::pending}}) {
      if (bucket == name) stats.*member += count;
    }
  }
  return stats;
}

MeasurementStats EventStore::measurement_stats(std::string_view run_id) {
  auto q = db_->prepare(
      "SELECT count(*), coalesce(sum(outcome = 'passed'), 0), coalesce(sum(outcome = 'failed'), 0), "
      "coalesce(sum(outcome = 'errored'), 0), coalesce(sum(outcome = 'done'), 0) FROM measurements "
      "WHERE run_id = ?1");
  q.bind(1, run_id);
  MeasurementStats stats;
  if (!q.step()) return stats;
  stats.total = q.column_int(0);
  stats.passed = q.column_int(1);
  stats.failed = q.column_int(2);
  stats.errored = q.column_int(3);
  stats.done = q.column_int(4);
  if (const std::int64_t judged = stats.passed + stats.failed; judged > 0) {
    stats.pass_rate = static_cast<double>(stats.passed) / static_cast<double>(judged);
  }
  return stats;
}

std::vector<ActiveRun> EventStore::active_runs() {
  std::vector<ActiveRun> active;
  auto progress = db_->prepare(kProgressSql);
  auto current = db_->prepare(kCurrentStepSql);
  for (RunRow& run : runs({.limit = kMaxActiveRuns, .outcome = "running"})) {
    ActiveRun a;
    progress.reset();
    progress.bind(1, run.run_id);
    if (progress.step()) {
      a.steps_total = progress.column_int(0);
      a.steps_finished = progress.column_int(1);
    }
    current.reset();
    current.bind(1, run.run_id);
    if (current.step()) a.current_step = current.column_text(0);
    a.run = std::move(run);
    active.push_back(std::move(a));
  }
  return active;
}

// --- JSON ----------------------------------------------------------------

void to_json(json& j, const StepStats& s) {
  j = json{{"total", s.total},         {"passed", s.passed},   {"failed", s.failed},
           {"errored", s.errored},     {"skipped", s.skipped}, {"done", s.done},
           {"aborted", s.aborted},     {"terminated", s.terminated}, {"never_ran", s.never_ran},
           {"running", s.running},     {"pending", s.pending}, {"attempts", s.attempts}};
}

void to_json(json& j, const MeasurementStats& s) {
  j = json{{"total", s.total},   {"passed", s.passed}, {"failed", s.failed},
           {"errored", s.errored}, {"done", s.done},   {"pass_rate", value_or_null(s.pass_rate)}};
}

void to_json(json& j, const ActiveRun& a) {
  const RunRow& r = a.run;
  j = json{{"run_id", r.run_id},
           {"session_id", r.session_id},
           {"station", r.station},
           {"hostname", r.hostname},
           {"dut_serial", r.dut_serial},
           {"dut_part_number", r.dut_part_number},
           {"program", r.program},
           {"phase", r.phase},
           {"operator", r.operator_name},
           {"started_ts", value_or_null(r.started_ts)},
           {"steps_total", a.steps_total},
           {"steps_finished", a.steps_finished},
           {"current_step", text_or_null(a.current_step)}};
}

}  // namespace litmus::store
