#pragma once
// StepPlan: a test the filter selected, with its vectors and retry policy,
// fixed before the first test runs (so test.steps_discovered can announce
// every vector).

#include <string>
#include <vector>

#include "config/test_config.hpp"
#include "vectors/vector_row.hpp"

namespace litmus::gtest_runner {

struct StepPlan {
  std::string step_path;  // "Suite/Test"
  std::string suite;
  std::string name;
  std::string file;  // source of the test, as GoogleTest knows it
  int line = 0;
  const config::TestConfig* config = nullptr;  // the test YAML, may be null
  std::vector<VectorRow> vectors;              // empty: one vector, no inputs
  config::RetryPolicy retry;

  int vector_count() const { return vectors.empty() ? 1 : static_cast<int>(vectors.size()); }
  // The row of `vector_index`, or null without a sweep.
  const VectorRow* row(int vector_index) const {
    return vectors.empty() ? nullptr : &vectors.at(static_cast<std::size_t>(vector_index));
  }
};

}  // namespace litmus::gtest_runner
