#pragma once
// Runner: turns one GoogleTest program invocation into one recorded run.
//
// GoogleTest drives; the RunListener forwards its callbacks here and the
// TEST macros of litmus/gtest.hpp call run_vectors() from each test body.
// Event order per run: session.started → run.started →
// test.steps_discovered → (test.step_started → test.measurement* →
// test.step_ended)* → run.ended → session.ended.

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <source_location>
#include <string>
#include <vector>

#include "config/fixture_config.hpp"
#include "config/product_config.hpp"
#include "config/project_config.hpp"
#include "config/test_config.hpp"
#include "gtest/attempt.hpp"
#include "gtest/run_options.hpp"
#include "gtest/step_plan.hpp"
#include "litmus/outcome.hpp"
#include "litmus/station.hpp"
#include "litmus/test_context.hpp"
#include "vectors/vector_row.hpp"

namespace litmus::gtest_runner {

class SignalWatcher;
class OutputCapture;

// What the test program was built with (recorded in run.started).
struct ProgramInfo {
  std::string path;  // argv[0]
  std::string compiler;
  std::string build_type;
};

class Runner {
 public:
  Runner(RunOptions options, ProgramInfo program);
  ~Runner();

  // The runner of this process, once init_runner() made it; else null.
  static Runner* instance();
  static void install(std::unique_ptr<Runner> runner);

  // --- GoogleTest callbacks (RunListener) ----------------------------------
  void on_iteration_start(const testing::UnitTest& unit_test, int iteration);
  void on_test_start(const testing::TestInfo& test);
  void on_test_part_result(const testing::TestPartResult& result);
  void on_test_end(const testing::TestInfo& test);
  void on_program_end(const testing::UnitTest& unit_test);

  // --- from test bodies ----------------------------------------------------
  void run_vectors(const std::function<void()>& body);
  TestContext& context();  // throws outside a step
  Station& station();
  bool verify(std::string_view name, double value, const Limit& limit, const MeasurementOptions& options,
              const std::source_location& where);
  void measure(std::string_view name, double value, std::string_view units, const MeasurementOptions& options);
  const Attempt& attempt() const;  // throws outside a step
  const std::string& run_id() const { return run_id_; }

  // Ends the run `terminated` from the signal thread, makes the rig safe,
  // closes the session. The caller exits the process afterwards.
  void terminate(const std::string& reason);

 private:
  void start_run(const testing::UnitTest& unit_test);
  void plan_steps(const testing::UnitTest& unit_test);
  void start_output_capture();
  const config::TestConfig* test_config_for(const std::string& source_file);
  void open_attempt(const StepPlan& plan, int vector_index);
  void close_attempt(bool retrying, std::optional<Outcome> forced = std::nullopt);
  void end_run(std::optional<Outcome> forced, const std::string& reason);
  void fail_start(const std::string& message);
  // `what` names the call for the error outside a step; with `measurement`
  // it is a function of that measurement: verify("v_rail").
  Attempt& require_attempt(std::string_view what, std::optional<std::string_view> measurement = std::nullopt);
  EventContext step_context() const;

  const RunOptions options_;
  const ProgramInfo program_;
  config::ProjectConfig project_;
  std::optional<config::ProductConfig> product_;
  // --fixture, else default_fixture: maps instrument channels to DUT pins.
  std::optional<config::FixtureConfig> fixture_;
  std::string profile_;  // active profile: --test-profile, else default_profile
  std::optional<Station> station_;
  std::string run_id_;  // empty until the run starts
  std::int64_t run_started_ns_ = 0;
  bool run_ended_ = false;
  TestContext context_;

  // Test YAML files by path; loaded once each. node-based so StepPlan
  // pointers stay valid.
  std::map<std::string, config::TestConfig> test_configs_;
  std::map<std::string, StepPlan> plans_;  // by step_path
  const StepPlan* current_plan_ = nullptr;  // the test running, if any

  // Guards the run state below and the order of emitted events: failures
  // may be reported from other threads and terminate() runs on the signal
  // thread.
  mutable std::recursive_mutex mutex_;
  Attempt attempt_;
  // Next attempt number per (step_path, vector_index): retries and
  // --gtest_repeat iterations add attempts, never overwrite them.
  std::map<std::pair<std::string, int>, int> next_retry_;
  // Outcome of the last attempt of every vector run so far.
  std::map<std::pair<std::string, int>, Outcome> final_outcomes_;
  nlohmann::json stray_failures_ = nlohmann::json::array();  // reported outside any step

  std::unique_ptr<SignalWatcher> signal_watcher_;
  // Copies stdout/stderr into run.output from run.started to run.ended.
  // Its sink emits without mutex_: end_run() holds mutex_ while it stops
  // the capture and waits for the sink's last call.
  std::unique_ptr<OutputCapture> output_capture_;
};

}  // namespace litmus::gtest_runner
