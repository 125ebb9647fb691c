#include "core/side_by_side.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace litmus {
namespace {

TEST(SideBySide, RunsBothPartsTheSecondOnAnotherThread) {
  std::thread::id here_id, there_id;
  int here = 0, there = 0;
  const auto on_this = [&] {
    here = 1;
    here_id = std::this_thread::get_id();
  };
  const auto on_other = [&] {
    there = 2;
    there_id = std::this_thread::get_id();
  };
  run_side_by_side(on_this, on_other);
  EXPECT_EQ(here, 1);
  EXPECT_EQ(there, 2);
  EXPECT_EQ(here_id, std::this_thread::get_id());
  EXPECT_NE(there_id, here_id);
}

// A failure on either side reaches the caller after both parts are done,
// this thread's first; none ends the process.
TEST(SideBySide, RethrowsAFailureOfEitherPart) {
  bool other_done = false;
  EXPECT_THROW(run_side_by_side([&] { other_done = true; }, [] { throw std::runtime_error("there"); }),
               std::runtime_error);
  EXPECT_TRUE(other_done);
  other_done = false;
  try {
    run_side_by_side([] { throw std::logic_error("here"); }, [&] { other_done = true; });
    ADD_FAILURE() << "no exception";
  } catch (const std::logic_error& error) {
    EXPECT_STREQ(error.what(), "here");
  }
  EXPECT_TRUE(other_done);
  try {
    run_side_by_side([] { throw std::logic_error("here"); }, [] { throw std::runtime_error("there"); });
    ADD_FAILURE() << "no exception";
  } catch (const std::logic_error& error) {
    EXPECT_STREQ(error.what(), "here");
  }
}

}  // namespace
}  // namespace litmus
