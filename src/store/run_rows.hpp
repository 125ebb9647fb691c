#pragma once
// Rows of the run projections (runs, steps, measurements; docs/data-model.md)
// as EventStore's run queries return them, the filter and sort of `runs()`,
// and the aggregates the Results screens show.
// Text columns read back as "" when NULL; JSON columns (environment,
// counts, inputs, failures) are kept as their JSON text here and parsed
// back into JSON values by to_json.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::store {

struct RunRow {
  std::string run_id;
  std::string session_id;
  std::optional<std::int64_t> started_ts;  // unset when run.started never arrived
  // Unset while the run is live: the one test of "still running".
  std::optional<std::int64_t> ended_ts;
  // A litmus::Outcome name; empty while live, or when run.ended named none.
  std::string outcome;
  std::string reason;
  bool synthetic_end = false;  // closed by recovery, not by its process
  std::optional<std::int64_t> duration_ns;
  std::string dut_serial;
  std::string dut_part_number;
  std::string dut_revision;
  std::string dut_lot_number;
  std::string product;
  std::string fixture;
  std::string station;
  std::string operator_name;
  std::string phase;
  std::string profile;
  std::string project;
  std::string program;
  std::string git_commit;
  std::string git_branch;
  bool mocked = false;
  std::string filter;
  std::string environment;  // JSON object text, empty when none
  std::optional<double> guardband_pct;
  std::string counts;           // JSON object text of run.ended counts, empty when none
  std::int64_t step_count = 0;  // steps (tests) in test.steps_discovered
  std::int64_t measurement_count = 0;
  // The session's machine (sessions.hostname, else the run's environment),
  // copied at run.started so runs sort and filter on it without a join.
  std::string hostname;

  bool live() const { return !ended_ts.has_value(); }
};

// One attempt of one vector of one step.
struct StepRow {
  std::string run_id;
  std::string step_path;
  std::int64_t vector_index = 0;
  std::int64_t vector_retry = 0;
  std::string session_id;
  std::optional<std::int64_t> position;  // discovery order (first start for undiscovered steps)
  std::string suite;
  std::string name;
  std::string file;
  std::optional<std::int64_t> line;
  std::string inputs;   // JSON object text, empty when none
  std::string status;   // "pending" | "running" | "ended" | "never_ran"
  std::string outcome;  // a litmus::Outcome name when status is "ended"
  std::optional<std::int64_t> started_ts;
  std::optional<std::int64_t> ended_ts;
  std::optional<std::int64_t> duration_ns;
  bool retrying = false;
  std::string error;
  std::string failures;  // JSON array text, empty when none
  std::int64_t measurement_count = 0;
};

struct MeasurementRow {
  std::string session_id;
  std::int64_t seq = 0;
  std::string run_id;
  std::string step_path;
  std::optional<std::int64_t> vector_index;  // unset outside a step
  std::optional<std::int64_t> vector_retry;
  std::int64_t ts = 0;
  std::string name;
  std::optional<double> value;
  std::string units;
  std::string outcome;
  std::optional<double> low;
  std::optional<double> high;
  std::optional<double> nominal;
  std::string comparator;
  std::optional<double> guardband_pct;
  std::string limit_source;
  std::string characteristic_id;
  std::string spec_ref;
  std::string instrument_role;
  std::string instrument_resource;
  std::string instrument_channel;
  std::optional<std::int64_t> instrument_seq;
  bool repeated = false;
  std::string dut_pin;            // from the fixture; empty when none
  std::string instrument_serial;  // identity of the instrument read
  std::string calibration_due;    // its calibration due date, YYYY-MM-DD
};

// The orders EventStore::runs offers. Each has an index (schema.cpp), so
// the first page is quick whatever the number of runs; ties go by
// started_ts, then run_id, in the same direction, so paging is stable.
enum class RunSort { outcome, serial, part_number, hostname, project, phase, started, steps, measurements };

// The API's names of the sorts ("outcome", "serial", … "measurements"), in
// enum order.
const std::vector<std::string_view>& run_sort_names();
std::optional<RunSort> run_sort_from_string(std::string_view name);
std::string_view to_string(RunSort sort);

// What RunQuery::outcome accepts: every litmus::Outcome name, then
// "running" (live runs).
const std::vector<std::string_view>& run_outcome_filters();

// Filter and order of EventStore::runs / run_count / run_stats. Empty
// strings do not filter.
struct RunQuery {
  int limit = 100;
  int offset = 0;
  std::string station;
  std::string dut_serial;
  // A litmus::Outcome name, or "running" for live runs.
  std::string outcome;
  std::string project;
  std::string phase;
  // Runs started at or after `since_ns` and before `until_ns` (ns, UTC).
  std::optional<std::int64_t> since_ns;
  std::optional<std::int64_t> until_ns;
  RunSort sort = RunSort::started;
  bool descending = true;
};

// Runs matching a RunQuery's filters, by outcome (paging ignored).
struct RunStats {
  std::int64_t total = 0;
  std::int64_t passed = 0;
  std::int64_t failed = 0;
  std::int64_t errored = 0;
  std::int64_t aborted = 0;
  std::int64_t terminated = 0;
  std::int64_t skipped = 0;
  std::int64_t done = 0;
  std::int64_t running = 0;  // no run.ended yet
  // passed / finished (total - running); unset when none finished.
  std::optional<double> pass_rate;
  std::optional<std::int64_t> latest_started_ts;
};

// A run's (step_path, vector_index) pairs counted by their last attempt,
// so a vector that failed and passed on retry counts once, as passed.
struct StepStats {
  std::int64_t total = 0;  // pairs
  std::int64_t passed = 0;
  std::int64_t failed = 0;
  std::int64_t errored = 0;
  std::int64_t skipped = 0;
  std::int64_t done = 0;
  std::int64_t aborted = 0;
  std::int64_t terminated = 0;
  std::int64_t never_ran = 0;
  std::int64_t running = 0;
  std::int64_t pending = 0;
  std::int64_t attempts = 0;  // every row, retries included
};

// Every measurement row of a run (retried attempts included).
struct MeasurementStats {
  std::int64_t total = 0;
  std::int64_t passed = 0;
  std::int64_t failed = 0;
  std::int64_t errored = 0;
  std::int64_t done = 0;  // measure(): no limit, nothing judged
  // passed / (passed + failed); unset when nothing was judged.
  std::optional<double> pass_rate;
};

// A run in flight and how far it got, for the ACTIVE TESTS block.
struct ActiveRun {
  RunRow run;
  std::int64_t steps_total = 0;     // (step_path, vector_index) pairs known so far
  std::int64_t steps_finished = 0;  // pairs whose last attempt ended for good
  std::string current_step;         // step_path of the newest running attempt; empty when none
};

void to_json(nlohmann::json& j, const RunRow& row);
void to_json(nlohmann::json& j, const StepRow& row);
void to_json(nlohmann::json& j, const MeasurementRow& row);
// The JSON of to_json(MeasurementRow) written straight into `out`: a page
// of 10 000 rows costs a small part of building nlohmann objects and
// dumping them (bench/BENCHMARKS.md §9).
void append_json(std::string& out, const MeasurementRow& row);
void to_json(nlohmann::json& j, const RunStats& stats);
void to_json(nlohmann::json& j, const StepStats& stats);
void to_json(nlohmann::json& j, const MeasurementStats& stats);
void to_json(nlohmann::json& j, const ActiveRun& active);

}  // namespace litmus::store
