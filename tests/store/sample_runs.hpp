#pragma once
// Six runs, one session each, chosen to exercise the runs list, its sorts
// and stats, one run's detail, the runs in flight and a DUT's history:
//
//   run           serial  part  host    project  phase        outcome  started
//   kRunPassed    SN-1    PN-A  host-a  alpha    production   passed   100 s  (3 steps, one retried, one never ran; 3 measurements)
//   kRunFailed    SN/2    PN-B  host-b  alpha    development  failed   200 s  (2 measurements)
//   kRunRetest    SN-1    PN-A  host-a  beta     production   passed   300 s
//   kRunTie       SN-3    PN-C  host-c  beta     production   errored  300 s  (same started_ts as kRunRetest)
//   kRunAborted   SN-4    PN-B  host-b  gamma    production   aborted  400 s
//   kRunLive      SN-5    PN-A  host-c  alpha    production   (live)   500 s  (Power/Rail vector 1 running)
//
// kRunAborted and kRunLive share the 8-character prefix "c5c5c5c5"; the
// others' 8-character prefixes are unique. kRunTie's session names no
// hostname: its run takes the environment's. Serial "SN/2" holds a '/'.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/event_store.hpp"
#include "store/run_events.hpp"

namespace litmus::testing {

inline constexpr const char* kRunPassed = "c1c1c1c1-0000-4000-8000-000000000001";
inline constexpr const char* kRunFailed = "c2c2c2c2-0000-4000-8000-000000000002";
inline constexpr const char* kRunRetest = "c3c3c3c3-0000-4000-8000-000000000003";
inline constexpr const char* kRunTie = "c4c4c4c4-0000-4000-8000-000000000004";
inline constexpr const char* kRunAborted = "c5c5c5c5-0000-4000-8000-000000000005";
inline constexpr const char* kRunLive = "c5c5c5c5-1111-4000-8000-000000000006";
inline constexpr int kSampleRuns = 6;

struct SampleRun {
  const char* run_id;
  const char* serial;
  const char* part_number;
  const char* hostname;
  const char* project;
  const char* phase;
  const char* station;
  const char* outcome;  // "" for the live run
  int started_s;
};

inline const std::vector<SampleRun>& sample_runs() {
  static const std::vector<SampleRun> runs{
      {kRunPassed, "SN-1", "PN-A", "host-a", "alpha", "production", "bench_1", "passed", 100},
      {kRunFailed, "SN/2", "PN-B", "host-b", "alpha", "development", "bench_2", "failed", 200},
      {kRunRetest, "SN-1", "PN-A", "host-a", "beta", "production", "bench_1", "passed", 300},
      {kRunTie, "SN-3", "PN-C", "host-c", "beta", "production", "bench_2", "errored", 300},
      {kRunAborted, "SN-4", "PN-B", "host-b", "gamma", "production", "bench_1", "aborted", 400},
      {kRunLive, "SN-5", "PN-A", "host-c", "alpha", "production", "bench_1", "", 500},
  };
  return runs;
}

// The session of sample run `i` (0-based).
inline std::string sample_session(std::size_t i) {
  return "5e55e55e-0000-4000-8000-00000000000" + std::to_string(i + 1);
}

inline nlohmann::json sample_measurement(const std::string& name, double value, const std::string& outcome) {
  nlohmann::json m{{"name", name}, {"value", value}, {"units", "V"}, {"outcome", outcome}};
  if (outcome != "done") m["limit"] = {{"low", 3.2}, {"high", 3.4}, {"comparator", "GELE"}};
  return m;
}

// The events of sample run `i`, ending before run.ended for the live run.
inline RunEvents sample_run_events(std::size_t i) {
  const SampleRun& r = sample_runs()[i];
  // run.started is event 3: it lands at started_s seconds exactly.
  RunEvents run(sample_session(i), r.run_id, (static_cast<std::int64_t>(r.started_s) - 3) * 1'000'000'000);
  nlohmann::json session{{"station", r.station}, {"operator", "ann"}, {"dut_serial", r.serial}};
  if (std::string(r.run_id) != kRunTie) session["hostname"] = r.hostname;
  run.add_outside_run("session.started", session)
      .add_outside_run("instrument.connected", {{"type", "dmm"}, {"resource", "mock"}, {"mocked", true}}, "dmm")
      .add("run.started", {{"dut_serial", r.serial},
                           {"dut_part_number", r.part_number},
                           {"station", r.station},
                           {"operator", "ann"},
                           {"phase", r.phase},
                           {"project", r.project},
                           {"program", "test_board"},
                           {"environment", {{"hostname", r.hostname}}}})
      .add("test.steps_discovered",
           {{"steps",
             {{{"step_path", "Power/Rail"}, {"vectors", 2}}, {{"step_path", "Comms/Uart"}, {"vectors", 1}}}}});
  const std::string id = r.run_id;
  if (id == kRunPassed) {
    run.attempt("Power/Rail", 0, 0, "passed", {{"v", 3.3}}, {sample_measurement("v_rail", 3.3, "passed")})
        .attempt("Power/Rail", 1, 0, "failed", {{"v", 5.0}}, {sample_measurement("v_rail", 3.5, "failed")},
                 /*retrying=*/true)
        .attempt("Power/Rail", 1, 1, "passed", {{"v", 5.0}}, {sample_measurement("i_rail", 0.2, "done")});
  } else if (id == kRunFailed) {
    run.attempt("Power/Rail", 0, 0, "passed", {{"v", 3.3}}, {sample_measurement("v_rail", 3.3, "passed")})
        .attempt("Power/Rail", 1, 0, "failed", {{"v", 5.0}}, {sample_measurement("v_rail", 3.6, "failed")})
        .attempt("Comms/Uart", 0, 0, "passed", nlohmann::json::object());
  } else if (id == kRunLive) {
    run.attempt("Power/Rail", 0, 0, "passed", {{"v", 3.3}}).start_attempt("Power/Rail", 1, 0, {{"v", 5.0}});
    return run;
  } else {
    run.attempt("Power/Rail", 0, 0, r.outcome, {{"v", 3.3}});
  }
  return run.add("run.ended", {{"outcome", r.outcome}});
}

// Ingests every sample run, each session in its own batch.
inline void add_sample_runs(store::EventStore& store) {
  for (std::size_t i = 0; i < sample_runs().size(); ++i) store.ingest(sample_run_events(i).entries(), 1);
}

// Ends the live run (run.ended passed), as its process would.
inline void end_live_run(store::EventStore& store) {
  const std::size_t live = sample_runs().size() - 1;
  RunEvents run = sample_run_events(live);
  run.add("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}}, "Power/Rail", 1)
      .add("run.ended", {{"outcome", "passed"}});
  store.ingest(run.entries(), 2);  // the events already stored are skipped
}

}  // namespace litmus::testing
