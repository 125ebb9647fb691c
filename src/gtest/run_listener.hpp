#pragma once
// RunListener: GoogleTest's callbacks, forwarded to the Runner. Installed
// next to GoogleTest's own printer, so console output stays as usual.

#include <gtest/gtest.h>

namespace litmus::gtest_runner {

class Runner;

class RunListener : public testing::EmptyTestEventListener {
 public:
  explicit RunListener(Runner& runner) : runner_(runner) {}
  void OnTestIterationStart(const testing::UnitTest& unit_test, int iteration) override;
  void OnTestStart(const testing::TestInfo& test) override;
  void OnTestPartResult(const testing::TestPartResult& result) override;
  void OnTestEnd(const testing::TestInfo& test) override;
  void OnTestProgramEnd(const testing::UnitTest& unit_test) override;

 private:
  Runner& runner_;
};

}  // namespace litmus::gtest_runner
