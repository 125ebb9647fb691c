#pragma once
// TestContext: what a test step sees of its run — the station's
// instruments, the current vector's parameters, and verify()/measure() to
// record judged or plain measurements. Get it with litmus::context() inside
// a test of a program initialised by litmus::init (or Litmus::gtest_main).

#include <nlohmann/json.hpp>
#include <source_location>
#include <string>
#include <string_view>

#include "litmus/limit.hpp"
#include "litmus/station.hpp"

namespace litmus {

namespace gtest_runner {
class Runner;
}

struct MeasurementOptions {
  // Allows the same measurement name more than once in one step
  // execution; otherwise a second one is an error (so copy-paste slips show).
  bool repeated = false;
};

class TestContext {
 public:
  TestContext(const TestContext&) = delete;
  TestContext& operator=(const TestContext&) = delete;

  // The instrument playing `role` on the run's station. Throws litmus::Error
  // when the run has no station or no such role.
  template <class T>
  T& instrument(std::string_view role) {
    return station().instrument<T>(role);
  }
  Station& station();

  // The current vector's value of `key` as a number. Throws litmus::Error
  // when the key is absent (naming the keys there are) or not a number.
  double param(std::string_view key) const;
  // Same, but `fallback` when the step has no such key (e.g. no sweep).
  double param(std::string_view key, double fallback) const;
  // Text of a string parameter; throws like param().
  std::string param_string(std::string_view key) const;
  // All parameters of the current vector, {} without a sweep.
  const nlohmann::json& params() const;
  // True on the first vector and whenever `key` differs from the previous
  // vector's value: for expensive set-ups (oven temperature) done only on
  // change.
  bool changed(std::string_view key) const;

  // Records `value` as measurement `name` judged against its limit: the
  // explicit `limit` when not empty, else the test's YAML, else the product
  // characteristic of that name. A value out of limits fails the step (a
  // non-fatal GoogleTest failure at the caller's line) and returns false.
  // No limit anywhere throws litmus::Error naming where it looked.
  bool verify(std::string_view name, double value, const Limit& limit = {}, const MeasurementOptions& options = {},
              std::source_location where = std::source_location::current());
  // Records `value` without judging it (outcome `done`).
  void measure(std::string_view name, double value, std::string_view units = {},
               const MeasurementOptions& options = {});

  const std::string& run_id() const;
  // "Suite/Test" of the running step.
  const std::string& step_path() const;
  int vector_index() const;
  int vector_retry() const;

 private:
  friend class gtest_runner::Runner;
  explicit TestContext(gtest_runner::Runner& runner) : runner_(runner) {}
  gtest_runner::Runner& runner_;
};

// The context of the running test. Throws litmus::Error outside a test or
// when litmus::init was not called.
TestContext& context();

}  // namespace litmus
