#pragma once
// Rows of the run projections (runs, steps, measurements; docs/data-model.md)
// as EventStore's run queries return them, and the filter of `runs()`.
// Text columns read back as "" when NULL; JSON columns (environment,
// counts, inputs, failures) are kept as their JSON text here and parsed
// back into JSON values by to_json.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

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

// Filter of EventStore::runs / run_count. Empty strings do not filter.
struct RunQuery {
  int limit = 100;
  int offset = 0;
  std::string station;
  std::string dut_serial;
  // A litmus::Outcome name, or "running" for live runs.
  std::string outcome;
  std::string project;
};

void to_json(nlohmann::json& j, const RunRow& row);
void to_json(nlohmann::json& j, const StepRow& row);
void to_json(nlohmann::json& j, const MeasurementRow& row);

}  // namespace litmus::store
