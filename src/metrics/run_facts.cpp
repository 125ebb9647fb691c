#include "metrics/run_facts.hpp"

namespace litmus::metrics {

std::vector<RunFacts> load_run_facts(store::Database& db, const MetricsFilter& filter) {
  const std::string columns = std::string("r.run_id, COALESCE(r.dut_serial, ''), r.started_ts, COALESCE(r.duration_ns, 0), ") +
                              "r.outcome, " + kProductKeySql + ", " + kStationKeySql +
                              ", COALESCE(r.fixture, ''), COALESCE(r.program, ''), COALESCE(r.git_commit, ''), "
                              "CASE WHEN r.outcome = 'aborted' THEN EXISTS(SELECT 1 FROM steps st WHERE "
                              "st.run_id = r.run_id AND st.started_ts IS NOT NULL) ELSE 1 END";
  const RunSelection selection = select_runs(filter, columns);
  auto q = db.prepare(selection.sql + " ORDER BY r.started_ts, r.run_id");
  selection.bind(q);
  std::vector<RunFacts> runs;
  while (q.step()) {
    RunFacts run;
    run.run_id = q.column_text(0);
    run.serial = q.column_text(1);
    run.started_ts = q.column_int(2);
    run.duration_ns = q.column_int(3);
    run.outcome = q.column_text(4);
    run.product = q.column_text(5);
    run.station = q.column_text(6);
    run.fixture = q.column_text(7);
    run.program = q.column_text(8);
    run.git_commit = q.column_text(9);
    run.tested = q.column_int(10) != 0;
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace litmus::metrics
