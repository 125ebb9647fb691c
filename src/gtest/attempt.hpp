#pragma once
// Attempt: the step execution being recorded — one try of one vector of
// one step — and what decides its outcome.

#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "gtest/step_plan.hpp"
#include "litmus/outcome.hpp"

namespace litmus::gtest_runner {

struct Attempt {
  bool open = false;
  const StepPlan* plan = nullptr;  // valid while open
  int vector_index = 0;
  int vector_retry = 0;  // 0 for the first attempt of this vector in this run
  std::int64_t started_ns = 0;  // monotonic
  nlohmann::json inputs = nlohmann::json::object();
  nlohmann::json failures = nlohmann::json::array();  // [{file, line, message}]
  std::string error;                                   // exception that escaped the body
  bool skipped = false;
  int judged = 0;           // verify() calls
  int failed_verifies = 0;  // verify() calls out of limits
  // Names measured so far: a second one is an error unless repeated.
  std::set<std::string, std::less<>> measurement_names;

  // errored > failed > skipped > passed (something judged) > done.
  Outcome outcome() const;
};

// Adds a GoogleTest failure or skip to the attempt.
void record_result(Attempt& attempt, const testing::TestPartResult& result);
// {file, line, message} of a GoogleTest result.
nlohmann::json failure_json(const testing::TestPartResult& result);

}  // namespace litmus::gtest_runner
