// One process per instrument resource: a second process is told who holds
// it, can wait for it, and gets it once the holder exits or is SIGKILLed.
#include "station/resource_lock.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "litmus/error.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;

constexpr const char* kResource = "TCPIP::127.0.0.1::5025::SOCKET";

class ResourceLockTest : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv("LITMUS_LOCK_DIR", (dir_ / "locks").c_str(), 1); }
  void TearDown() override {
    for (const pid_t pid : children_) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
    ::unsetenv("LITMUS_LOCK_DIR");
  }

  // A child process that takes the lock, says so through a pipe, then
  // holds it for `hold` (or until killed).
  pid_t spawn_holder(std::chrono::milliseconds hold) {
    int ready[2];
    EXPECT_EQ(::pipe(ready), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::close(ready[0]);
      int status = 0;
      try {
        auto lock = ResourceLock::acquire(kResource, 0ms);
        const char ok = 1;
        if (::write(ready[1], &ok, 1) != 1) status = 3;
        std::this_thread::sleep_for(hold);
      } catch (...) {
        status = 2;
      }
      ::_exit(status);
    }
    ::close(ready[1]);
    char ok = 0;
    EXPECT_EQ(::read(ready[0], &ok, 1), 1) << "the child did not get the lock";
    ::close(ready[0]);
    children_.push_back(pid);
    return pid;
  }

  testing::TempDir dir_;
  std::vector<pid_t> children_;
};

TEST_F(ResourceLockTest, SecondProcessIsToldWhichPidHoldsTheResource) {
  const pid_t holder = spawn_holder(60s);
  try {
    ResourceLock::acquire(kResource, 0ms);
    FAIL() << "acquired a resource another process holds";
  } catch (const InstrumentError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(kResource), std::string::npos) << message;
    EXPECT_NE(message.find("resource in use by pid " + std::to_string(holder)), std::string::npos) << message;
    EXPECT_NE(message.find("--instrument-timeout"), std::string::npos) << message;
  }
}

TEST_F(ResourceLockTest, AliasesOfOneResourceShareTheLock) {
  spawn_holder(60s);
  EXPECT_THROW(ResourceLock::acquire("tcpip0::127.0.0.1::5025::socket", 0ms), InstrumentError);
  EXPECT_NO_THROW(ResourceLock::acquire("TCPIP::127.0.0.1::5026::SOCKET", 0ms));  // another port: free
}

TEST_F(ResourceLockTest, LockIsReleasedWhenTheHolderIsKilled) {
  const pid_t holder = spawn_holder(60s);
  EXPECT_THROW(ResourceLock::acquire(kResource, 0ms), InstrumentError);
  ASSERT_EQ(::kill(holder, SIGKILL), 0);
  ASSERT_EQ(::waitpid(holder, nullptr, 0), holder);
  children_.clear();
  EXPECT_NO_THROW(ResourceLock::acquire(kResource, 0ms));
}

TEST_F(ResourceLockTest, WaitingGetsTheResourceOnceTheHolderExits) {
  const pid_t holder = spawn_holder(300ms);
  auto lock = ResourceLock::acquire(kResource, 30s);
  int status = -1;
  ASSERT_EQ(::waitpid(holder, &status, 0), holder);
  children_.clear();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

TEST_F(ResourceLockTest, WaitingThatRunsOutSaysHowLongItWaited) {
  spawn_holder(60s);
  try {
    ResourceLock::acquire(kResource, 100ms);
    FAIL() << "acquired a resource another process holds";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("waited 100 ms"), std::string::npos) << error.what();
  }
}

TEST_F(ResourceLockTest, ReleasedOnDestructionWithinTheProcess) {
  { auto lock = ResourceLock::acquire(kResource, 0ms); }
  EXPECT_NO_THROW(ResourceLock::acquire(kResource, 0ms));
}

TEST_F(ResourceLockTest, UnwritableLockDirectoryIsAClearError) {
  ::setenv("LITMUS_LOCK_DIR", "/proc/litmus-no-such-dir", 1);
  try {
    ResourceLock::acquire(kResource, 0ms);
    FAIL() << "locked in an unwritable directory";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("LITMUS_LOCK_DIR"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace litmus
