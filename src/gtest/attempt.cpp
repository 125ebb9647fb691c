#include "gtest/attempt.hpp"

namespace litmus::gtest_runner {

Outcome Attempt::outcome() const {
  if (!error.empty()) return Outcome::errored;
  if (!failures.empty() || failed_verifies > 0) return Outcome::failed;
  if (skipped) return Outcome::skipped;
  return judged > 0 ? Outcome::passed : Outcome::done;
}

nlohmann::json failure_json(const testing::TestPartResult& result) {
  return {{"file", result.file_name() ? result.file_name() : ""},
          {"line", result.line_number()},
          {"message", result.message() ? result.message() : ""}};
}

void record_result(Attempt& attempt, const testing::TestPartResult& result) {
  if (result.skipped()) {
    attempt.skipped = true;
  } else if (result.failed()) {
    attempt.failures.push_back(failure_json(result));
  }
}

}  // namespace litmus::gtest_runner
