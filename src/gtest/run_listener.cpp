#include "gtest/run_listener.hpp"

#include "gtest/runner.hpp"

namespace litmus::gtest_runner {

void RunListener::OnTestIterationStart(const testing::UnitTest& unit_test, int iteration) {
  runner_.on_iteration_start(unit_test, iteration);
}
void RunListener::OnTestStart(const testing::TestInfo& test) { runner_.on_test_start(test); }
void RunListener::OnTestPartResult(const testing::TestPartResult& result) { runner_.on_test_part_result(result); }
void RunListener::OnTestEnd(const testing::TestInfo& test) { runner_.on_test_end(test); }
void RunListener::OnTestProgramEnd(const testing::UnitTest& unit_test) { runner_.on_program_end(unit_test); }

}  // namespace litmus::gtest_runner
