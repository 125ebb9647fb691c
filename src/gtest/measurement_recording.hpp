#pragma once
// What verify() and measure() record: the limit that applies (call → test
// YAML → product characteristic), the test.measurement payload, and the
// message GoogleTest prints for a value out of limits.

#include <source_location>
#include <string>
#include <string_view>

#include "gtest/attempt.hpp"
#include "gtest/step_plan.hpp"
#include "limits/limit_resolver.hpp"
#include "limits/resolved_limit.hpp"
#include "litmus/limit.hpp"
#include "litmus/test_context.hpp"

namespace litmus {
class EventLog;
struct ScalarReadTrace;
}
namespace litmus::config {
struct FixtureConfig;
}

namespace litmus::gtest_runner {

// Resolves the limit of measurement `name`, first hit wins: `explicit_limit`
// unless empty → the step's test YAML (profile-aware cascade) → the product
// characteristic of that name. Throws litmus::Error naming the measurement
// and every place it looked when there is none.
ResolvedLimit resolve_measurement_limit(std::string_view name, const Limit& explicit_limit,
                                        const std::source_location& where, const StepPlan& plan,
                                        std::string_view profile, const LimitContext& context);

// Notes `name` as measured in this attempt; throws litmus::Error on a second
// measurement of the same name unless options.repeated.
void claim_measurement_name(Attempt& attempt, std::string_view name, const MeasurementOptions& options);

// "v_rail = 3.5 V is out of limits: 3.152 <= x <= 3.449 V (tests/test_power.yaml:7 ...)"
std::string failure_message(std::string_view name, double value, const ResolvedLimit& limit);

// The payload of one test.measurement event, written as JSON text (keys in
// the order nlohmann::json::dump() gives) for EventLog::emit_json. What is
// passed in (name, units, the limit) and the instrument read the value came
// from are referenced, not copied: build the payload, judge and record
// within one call, with no instrument read in between.
class MeasurementPayload {
 public:
  // `log` is the session's: a value just read through one of its
  // instruments names that instrument, with its identity and calibration,
  // and — through `fixture` (may be null) — the DUT pin it is wired to.
  MeasurementPayload(std::string_view name, double value, const Attempt& attempt, const MeasurementOptions& options,
                     const EventLog& log, const config::FixtureConfig* fixture);
  void set_units(std::string_view units);
  void set_limit(const ResolvedLimit& limit, bool passed);
  // The measurement could not be judged (no limit, a bad limit): recorded
  // `errored` with the reason, so nothing measured is lost.
  void set_error(std::string message);
  // The serialised JSON object; valid until the next call on this payload.
  std::string_view text();

 private:
  std::string_view name_;
  double value_;
  int vector_retry_;
  bool repeated_;
  const ScalarReadTrace* instrument_ = nullptr;
  const config::FixtureConfig* fixture_ = nullptr;
  const char* outcome_ = "done";
  bool has_units_ = false;
  std::string_view units_;
  const ResolvedLimit* limit_ = nullptr;
  bool errored_ = false;
  std::string error_;
  std::string text_;
};

}  // namespace litmus::gtest_runner
