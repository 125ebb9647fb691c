#include "gtest/runner.hpp"

#include <gtest/gtest-spi.h>
#include <sys/utsname.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "config/station_selection.hpp"
#include "core/clock.hpp"
#include "core/environment.hpp"
#include "core/uuid.hpp"
#include "gtest/git_info.hpp"
#include "gtest/measurement_recording.hpp"
#include "gtest/output_capture.hpp"
#include "gtest/signal_watcher.hpp"
#include "limits/limit_resolver.hpp"
#include "litmus/error.hpp"
#include "litmus/event_log.hpp"
#include "litmus/version.hpp"
#include "station/station_access.hpp"

namespace litmus::gtest_runner {

namespace {

Runner*& installed() {
  static Runner* runner = nullptr;
  return runner;
}

std::string os_name() {
  struct utsname name {};
  if (::uname(&name) != 0) return "unknown";
  return std::string(name.sysname) + " " + name.release + " " + name.machine;
}

nlohmann::json row_json(const StepPlan& plan, int vector_index) {
  nlohmann::json inputs = nlohmann::json::object();
  if (plan.vectors.empty()) return inputs;
  for (const auto& [key, value] : *plan.row(vector_index)) inputs[key] = value;
  return inputs;
}

// "[vector 2 of 3: vin=5.5, attempt 2] " in front of failures GoogleTest
// prints, so the console says which row failed; empty for a plain test.
std::string vector_prefix(const StepPlan& plan, const Attempt& attempt, int tries) {
  if (plan.vector_count() == 1 && tries == 0) return {};
  std::string text = "[vector " + std::to_string(attempt.vector_index) + " of " + std::to_string(plan.vector_count());
  std::string inputs;
  for (const auto& [key, value] : attempt.inputs.items()) {
    inputs += (inputs.empty() ? "" : ", ") + key + "=" + value.dump();
  }
  if (!inputs.empty()) text += ": " + inputs;
  if (tries > 0) text += ", attempt " + std::to_string(tries + 1);
  return text + "] ";
}

}  // namespace

Runner::Runner(RunOptions options, ProgramInfo program)
    : options_(std::move(options)), program_(std::move(program)), context_(*this) {}

Runner::~Runner() = default;

Runner* Runner::instance() { return installed(); }

void Runner::install(std::unique_ptr<Runner> runner) {
  // Lives until the process exits: GoogleTest keeps calling the listener
  // up to the end of RUN_ALL_TESTS, and tests reach it through context().
  installed() = runner.release();
}

// --- run lifecycle -----------------------------------------------------------

void Runner::on_iteration_start(const testing::UnitTest& unit_test, int /*iteration*/) {
  std::lock_guard lock(mutex_);
  if (!run_id_.empty()) return;  // --gtest_repeat: later iterations add attempts to the same run
  if (unit_test.test_to_run_count() == 0) return;  // no test selected: no run
  start_run(unit_test);
}

void Runner::start_run(const testing::UnitTest& unit_test) {
  std::filesystem::path project_dir = options_.project_dir;
  if (project_dir.empty() && !env_value("LITMUS_PROJECT") &&
      !config::find_project_root(std::filesystem::current_path())) {
    // Run from a build tree outside the project: the tests' sources know.
    for (int i = 0; i < unit_test.total_test_suite_count() && project_dir.empty(); ++i) {
      const auto* suite = unit_test.GetTestSuite(i);
      if (suite->total_test_count() == 0) continue;
      const std::filesystem::path file = suite->GetTestInfo(0)->file();
      if (file.is_absolute()) project_dir = config::find_project_root(file.parent_path()).value_or("");
    }
  }
  std::optional<config::StationConfig> station_config;
  try {
    project_ = config::discover_project(project_dir);
    station_config = config::select_station(project_, options_.station, host_name());
    ConnectOptions connect_options;
    connect_options.mock = options_.mock_instruments;
    connect_options.data_dir = options_.data_dir;
    connect_options.project_dir = project_.root;
    connect_options.operator_name = options_.operator_name;
    connect_options.dut_serial = options_.dut_serial;
    connect_options.instrument_timeout =
        std::chrono::milliseconds(static_cast<std::int64_t>(options_.instrument_timeout_s * 1000));
    connect_options.phase = options_.test_phase;
    connect_options.allow_overdue_calibration = options_.allow_overdue_calibration;
    station_.emplace(detail::StationAccess::open(project_, station_config ? &*station_config : nullptr,
                                                 connect_options));
  } catch (const std::exception& error) {
    // No session to record into: the console is all there is.
    std::cerr << "litmus: cannot start the run: " << error.what() << '\n';
    std::exit(1);
  }

  run_id_ = make_uuid();
  run_started_ns_ = monotonic_ns();
  detail::StationAccess::context(*station_).run_id = run_id_;

  std::string start_error;
  try {
    if (!options_.product.empty()) product_ = config::load_product(project_.root, options_.product);
  } catch (const std::exception& error) {
    start_error = error.what();
  }
  const bool mocked = detail::StationAccess::mocked(*station_);
  std::string phase = options_.test_phase;
  if (mocked && !phase.empty() && phase != "development") {
    std::cerr << "litmus: mocked run: phase '" << phase << "' recorded as 'development'\n";
  }
  if (mocked || phase.empty()) phase = "development";
  if (start_error.empty() && !mocked && station_config && !station_config->supported_phases.empty() &&
      std::find(station_config->supported_phases.begin(), station_config->supported_phases.end(), phase) ==
          station_config->supported_phases.end()) {
    start_error = station_config->file.string() + ": phase '" + phase + "' is not in supported_phases";
  }

  const GitInfo git = read_git_info(project_.root);
  const std::string fixture = options_.fixture.empty() ? project_.default_fixture : options_.fixture;
  if (start_error.empty() && !fixture.empty()) {
    try {
      fixture_ = config::load_fixture(project_.root, fixture);
    } catch (const std::exception& error) {
      start_error = error.what();
    }
  }
  profile_ = options_.test_profile.empty() ? project_.default_profile : options_.test_profile;
  nlohmann::json payload{
      {"dut_serial", options_.dut_serial},
      {"dut_part_number", options_.dut_part_number.empty() && product_ ? product_->part_number
                                                                         : options_.dut_part_number},
      {"dut_revision", options_.dut_revision.empty() && product_ ? product_->revision : options_.dut_revision},
      {"dut_lot_number", options_.dut_lot_number},
      {"product", options_.product},
      {"fixture", fixture},
      {"station", station_config ? station_config->id : std::string()},
      {"operator", options_.operator_name.empty() ? default_operator() : options_.operator_name},
      {"phase", phase},
      {"profile", profile_},
      {"project", project_.name},
      {"program", std::filesystem::path(program_.path).filename().string()},
      {"git_commit", git.commit},
      {"git_branch", git.branch},
      {"git_dirty", git.dirty},
      {"guardband_pct", options_.guardband_pct ? nlohmann::json(*options_.guardband_pct) : nlohmann::json()},
      {"mocked", mocked},
      {"filter", testing::GTEST_FLAG(filter)},
      {"environment",
       {{"compiler", program_.compiler},
        {"litmus_version", version()},
        {"build_type", program_.build_type},
        {"hostname", host_name()},
        {"os", os_name()}}}};
  EventContext run_context;
  run_context.run_id = run_id_;
  station_->log().emit(event_type::run_started, payload, run_context);
  start_output_capture();
  if (!start_error.empty()) fail_start(start_error);

  try {
    plan_steps(unit_test);
  } catch (const std::exception& error) {
    fail_start(error.what());
  }
  signal_watcher_ = std::make_unique<SignalWatcher>([this](const std::string& reason) { terminate(reason); });
}

void Runner::start_output_capture() {
  if (!options_.capture_output) return;
  EventContext run_context;
  run_context.run_id = run_id_;
  EventLog& log = station_->log();
  try {
    output_capture_ = std::make_unique<OutputCapture>([&log, run_context](const OutputChunk& chunk) {
      nlohmann::json payload{{"stream", chunk.stream}, {"text", chunk.text}};
      if (chunk.truncated) payload["truncated"] = true;
      log.emit(event_type::run_output, payload, run_context);
    });
  } catch (const std::exception& error) {
    // Out of descriptors, say: the run goes on, its output on the console only.
    log.emit(event_type::diagnostic_warning,
             {{"message", std::string("output is not recorded: ") + error.what()}}, run_context);
  }
}

void Runner::plan_steps(const testing::UnitTest& unit_test) {
  nlohmann::json steps = nlohmann::json::array();
  std::set<std::pair<std::string, std::string>> program_tests;  // every test, selected or not
  for (int i = 0; i < unit_test.total_test_suite_count(); ++i) {
    const auto* suite = unit_test.GetTestSuite(i);
    for (int j = 0; j < suite->total_test_count(); ++j) {
      const auto* test = suite->GetTestInfo(j);
      program_tests.emplace(test->test_suite_name(), test->name());
      if (!test->should_run()) continue;
      StepPlan plan;
      plan.suite = test->test_suite_name();
      plan.name = test->name();
      plan.step_path = plan.suite + "/" + plan.name;
      plan.file = test->file() ? test->file() : "";
      plan.line = test->line();
      plan.config = test_config_for(plan.file);
      if (plan.config) {
        plan.retry = config::retry_for(*plan.config, plan.suite, plan.name);
        if (const auto* entry = config::find_test_entry(*plan.config, plan.suite, plan.name)) {
          plan.vectors = entry->vectors;
        }
      }
      steps.push_back({{"step_path", plan.step_path},
                       {"suite", plan.suite},
                       {"name", plan.name},
                       {"file", plan.file},
                       {"line", plan.line},
                       {"vectors", plan.vector_count()}});
      plans_.emplace(plan.step_path, std::move(plan));
    }
  }
  // A test YAML entry that names no test of the program is a typo until
  // proven otherwise: say so instead of silently ignoring its limits.
  EventContext run_context;
  run_context.run_id = run_id_;
  for (const auto& [path, config] : test_configs_) {
    for (const auto& [suite_name, suite] : config.suites) {
      for (const auto& [test_name, entry] : suite.tests) {
        if (program_tests.count({suite_name, test_name}) != 0) continue;
        const std::string message = config.file.string() + ": tests." + suite_name + ".tests." + test_name +
                                    ": this program has no test " + suite_name + "/" + test_name;
        std::cerr << "litmus: warning: " << message << '\n';
        station_->log().emit(event_type::diagnostic_warning, {{"message", message}}, run_context);
      }
    }
  }
  station_->log().emit(event_type::test_steps_discovered, {{"steps", steps}}, run_context);
}

const config::TestConfig* Runner::test_config_for(const std::string& source_file) {
  // The file named on the command line wins; else the one beside the source.
  std::filesystem::path yaml = options_.test_config;
  if (yaml.empty() && !source_file.empty()) {
    std::filesystem::path source = source_file;
    if (source.is_relative() && !std::filesystem::exists(source)) source = project_.root / source;
    yaml = source.replace_extension(".yaml");
    if (!std::filesystem::exists(yaml)) return nullptr;
  }
  if (yaml.empty()) return nullptr;
  const std::string key = std::filesystem::absolute(yaml).lexically_normal().string();
  auto found = test_configs_.find(key);
  if (found == test_configs_.end()) found = test_configs_.emplace(key, config::load_test_config(key)).first;
  return &found->second;
}

void Runner::fail_start(const std::string& message) {
  std::cerr << "litmus: " << message << '\n';
  EventContext run_context;
  run_context.run_id = run_id_;
  station_->log().emit(event_type::diagnostic_error, {{"message", message}}, run_context);
  end_run(Outcome::errored, message);
  std::exit(1);
}

void Runner::end_run(std::optional<Outcome> forced, const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (run_id_.empty() || run_ended_) return;
  run_ended_ = true;
  if (attempt_.open) close_attempt(false, forced);
  if (output_capture_) output_capture_->stop();  // its last lines come before run.ended
  std::optional<Outcome> rollup;
  std::map<std::string, int> counts;
  for (const auto& [key, outcome] : final_outcomes_) {
    rollup = rollup ? worst_of(*rollup, outcome) : outcome;
    ++counts[std::string(to_string(outcome))];
  }
  Outcome outcome = forced.value_or(rollup.value_or(Outcome::done));
  std::string why = reason;
  if (!forced && !stray_failures_.empty()) {
    // A failure outside every test (a SetUpTestSuite, an Environment).
    outcome = worst_of(outcome, Outcome::failed);
    why = stray_failures_.front().value("message", "");
  }
  nlohmann::json payload{{"outcome", to_string(outcome)},
                         {"duration_ns", monotonic_ns() - run_started_ns_},
                         {"counts", counts}};
  if (!why.empty()) payload["reason"] = why;
  if (!stray_failures_.empty()) payload["failures"] = stray_failures_;
  EventContext run_context;
  run_context.run_id = run_id_;
  station_->log().emit(event_type::run_ended, payload, run_context);
  detail::StationAccess::end(*station_, outcome, why);
}

void Runner::on_program_end(const testing::UnitTest& /*unit_test*/) {
  end_run(std::nullopt, {});
  signal_watcher_.reset();
}

void Runner::terminate(const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (run_id_.empty() || run_ended_) return;
  end_run(Outcome::terminated, reason);
}

// --- steps -------------------------------------------------------------------

EventContext Runner::step_context() const {
  EventContext context;
  context.run_id = run_id_;
  context.step_path = attempt_.plan->step_path;
  context.vector_index = attempt_.vector_index;
  return context;
}

void Runner::open_attempt(const StepPlan& plan, int vector_index) {
  attempt_ = Attempt{};
  attempt_.open = true;
  attempt_.plan = &plan;
  attempt_.vector_index = vector_index;
  attempt_.vector_retry = next_retry_[{plan.step_path, vector_index}]++;
  attempt_.started_ns = monotonic_ns();
  attempt_.inputs = row_json(plan, vector_index);
  const EventContext context = step_context();
  EventContext& station_context = detail::StationAccess::context(*station_);
  station_context.step_path = context.step_path;
  station_context.vector_index = context.vector_index;
  station_->log().emit(event_type::test_step_started,
                       {{"inputs", attempt_.inputs},
                        {"vector_retry", attempt_.vector_retry},
                        {"vector_count", plan.vector_count()}},
                       context);
}

void Runner::close_attempt(bool retrying, std::optional<Outcome> forced) {
  const Outcome outcome = forced.value_or(attempt_.outcome());
  nlohmann::json payload{{"outcome", to_string(outcome)},
                         {"vector_retry", attempt_.vector_retry},
                         {"duration_ns", monotonic_ns() - attempt_.started_ns},
                         {"retrying", retrying},
                         {"failures", attempt_.failures}};
  if (!attempt_.error.empty()) payload["error"] = attempt_.error;
  station_->log().emit(event_type::test_step_ended, payload, step_context());
  if (!retrying) final_outcomes_[{attempt_.plan->step_path, attempt_.vector_index}] = outcome;
  attempt_.open = false;
  EventContext& station_context = detail::StationAccess::context(*station_);
  station_context.step_path.clear();
  station_context.vector_index = -1;
}

void Runner::on_test_start(const testing::TestInfo& test) {
  std::lock_guard lock(mutex_);
  if (run_id_.empty() || run_ended_) return;
  const auto plan = plans_.find(std::string(test.test_suite_name()) + "/" + test.name());
  if (plan == plans_.end()) return;
  current_plan_ = &plan->second;
  open_attempt(plan->second, 0);
}

void Runner::on_test_part_result(const testing::TestPartResult& result) {
  std::lock_guard lock(mutex_);
  if (run_id_.empty() || run_ended_) return;
  if (attempt_.open) {
    record_result(attempt_, result);
  } else if (result.failed()) {
    stray_failures_.push_back(failure_json(result));
  }
}

void Runner::on_test_end(const testing::TestInfo& /*test*/) {
  std::lock_guard lock(mutex_);
  if (attempt_.open && !run_ended_) close_attempt(false);
  current_plan_ = nullptr;
}

void Runner::run_vectors(const std::function<void()>& body) {
  const StepPlan* plan = nullptr;
  {
    std::lock_guard lock(mutex_);
    plan = current_plan_;
  }
  if (plan == nullptr) {  // not recording (litmus::init not called, or no run)
    body();
    return;
  }
  for (int vector = 0; vector < plan->vector_count(); ++vector) {
    for (int tries = 0;; ++tries) {
      {
        std::lock_guard lock(mutex_);
        if (!attempt_.open) open_attempt(*plan, vector);
      }
      // Failures of this attempt are held back: a retried attempt must not
      // fail the GoogleTest test, only the last attempt counts.
      testing::TestPartResultArray results;
      std::string error;
      {
        testing::ScopedFakeTestPartResultReporter intercept(
            testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
        try {
          body();
        } catch (const std::exception& e) {
          error = e.what();
        } catch (...) {
          error = "an exception not derived from std::exception";
        }
      }
      std::unique_lock lock(mutex_);
      if (!attempt_.open) return;  // terminated meanwhile
      attempt_.error = error;
      bool failed = !error.empty() || attempt_.failed_verifies > 0;
      bool skipped = false;
      for (int i = 0; i < results.size(); ++i) {
        failed = failed || results.GetTestPartResult(i).failed();
        skipped = skipped || results.GetTestPartResult(i).skipped();
      }
      if (failed && !skipped && tries < plan->retry.max_retries) {
        for (int i = 0; i < results.size(); ++i) record_result(attempt_, results.GetTestPartResult(i));
        close_attempt(true);
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::duration<double>(plan->retry.delay_s));
        continue;
      }
      // The last attempt: hand its failures to GoogleTest, which reports
      // them back through on_test_part_result into this attempt.
      const std::string prefix = vector_prefix(*plan, attempt_, tries);
      lock.unlock();
      for (int i = 0; i < results.size(); ++i) {
        const auto& result = results.GetTestPartResult(i);
        testing::internal::AssertHelper(result.type(), result.file_name(), result.line_number(),
                                        (prefix + result.message()).c_str()) = testing::Message();
      }
      if (!error.empty()) {
        testing::internal::AssertHelper(testing::TestPartResult::kNonFatalFailure, plan->file.c_str(), plan->line,
                                        (prefix + "exception escaped the test: " + error).c_str()) =
            testing::Message();
      }
      break;
    }
    if (vector + 1 < plan->vector_count()) {
      std::lock_guard lock(mutex_);
      if (attempt_.open) close_attempt(false);
    }
  }
}

// --- the test context ----------------------------------------------------------

Attempt& Runner::require_attempt(std::string_view what, std::optional<std::string_view> measurement) {
  if (!attempt_.open) {
    std::string call(what);
    if (measurement) call += "(\"" + std::string(*measurement) + "\")";
    throw Error(call + ": only available inside a running test step");
  }
  return attempt_;
}

const Attempt& Runner::attempt() const {
  std::lock_guard lock(mutex_);
  return const_cast<Runner*>(this)->require_attempt("litmus::context()");
}

TestContext& Runner::context() {
  std::lock_guard lock(mutex_);
  require_attempt("litmus::context()");
  return context_;
}

Station& Runner::station() {
  std::lock_guard lock(mutex_);
  if (!station_) throw Error("litmus: no run is active");
  return *station_;
}

namespace {

// Runs `check` (the rules a measurement must pass before it is judged);
// when it throws, the measurement is still recorded, `errored` with the
// reason, before the exception goes on: nothing measured is lost.
template <class Check>
auto record_even_if_rejected(Check&& check, MeasurementPayload& measurement, EventLog& log,
                             const EventContext& context) {
  try {
    return check();
  } catch (const std::exception& error) {
    measurement.set_error(error.what());
    log.emit_json(event_type::test_measurement, measurement.text(), context);
    throw;
  }
}

}  // namespace

bool Runner::verify(std::string_view name, double value, const Limit& limit, const MeasurementOptions& options,
                    const std::source_location& where) {
  std::unique_lock lock(mutex_);
  Attempt& attempt = require_attempt("verify", name);
  const StepPlan& plan = *attempt.plan;
  EventLog& log = station_->log();
  const EventContext context = step_context();
  MeasurementPayload measurement(name, value, attempt, options, log, fixture_ ? &*fixture_ : nullptr);
  const ResolvedLimit resolved = record_even_if_rejected(
      [&] {
        claim_measurement_name(attempt, name, options);
        return resolve_measurement_limit(
            name, limit, where, plan, profile_,
            LimitContext{plan.row(attempt.vector_index), product_ ? &*product_ : nullptr, options_.guardband_pct});
      },
      measurement, log, context);
  const bool ok = passes(resolved, value);
  measurement.set_limit(resolved, ok);
  log.emit_json(event_type::test_measurement, measurement.text(), context);
  ++attempt.judged;
  if (!ok) ++attempt.failed_verifies;
  lock.unlock();
  if (!ok) {
    testing::internal::AssertHelper(testing::TestPartResult::kNonFatalFailure, where.file_name(),
                                    static_cast<int>(where.line()),
                                    failure_message(name, value, resolved).c_str()) = testing::Message();
  }
  return ok;
}

void Runner::measure(std::string_view name, double value, std::string_view units, const MeasurementOptions& options) {
  std::lock_guard lock(mutex_);
  Attempt& attempt = require_attempt("measure", name);
  EventLog& log = station_->log();
  const EventContext context = step_context();
  MeasurementPayload measurement(name, value, attempt, options, log, fixture_ ? &*fixture_ : nullptr);
  measurement.set_units(units);
  record_even_if_rejected([&] { claim_measurement_name(attempt, name, options); }, measurement, log, context);
  log.emit_json(event_type::test_measurement, measurement.text(), context);
}

}  // namespace litmus::gtest_runner
