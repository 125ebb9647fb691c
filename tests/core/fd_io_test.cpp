// Whole reads and writes (core/fd_io.hpp): partial transfers, signals
// arriving mid-call, the file's end and real errors.

#include "core/fd_io.hpp"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    read = fds[0];
    write = fds[1];
  }
  ~Pipe() {
    if (read >= 0) ::close(read);
    if (write >= 0) ::close(write);
  }
};

std::string pattern(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 131 + 7);
  return bytes;
}

TEST(FdIo, WriteAllGetsEverythingThroughAPipeThatTakesItInParts) {
  Pipe pipe;
  const std::string bytes = pattern(1 << 20);  // 16 times a pipe's buffer
  std::string received;
  std::thread reader([&] {
    char chunk[4096];
    for (ssize_t n; (n = ::read(pipe.read, chunk, sizeof chunk)) > 0;) received.append(chunk, static_cast<std::size_t>(n));
  });
  EXPECT_EQ(fd_io::write_all(pipe.write, bytes), 0);
  ::close(pipe.write);
  pipe.write = -1;
  reader.join();
  EXPECT_EQ(received, bytes);
}

TEST(FdIo, WriteAllReportsTheErrno) {
  Pipe pipe;
  ::close(pipe.read);
  pipe.read = -1;
  struct sigaction ignore {}, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  EXPECT_EQ(fd_io::write_all(pipe.write, "lost"), EPIPE);
  ::sigaction(SIGPIPE, &previous, nullptr);
  EXPECT_EQ(fd_io::write_all(-1, "x"), EBADF);
  EXPECT_EQ(fd_io::write_all(-1, ""), 0);  // nothing to write, nothing to fail
}

std::atomic<int> interruptions{0};
void count_interruption(int) { interruptions.fetch_add(1); }

TEST(FdIo, ReadFullWaitsOutSignalsAndPartialReads) {
  // A handler without SA_RESTART: a signal makes the blocked read(2) fail
  // with EINTR instead of resuming it.
  struct sigaction on_signal {}, previous{};
  on_signal.sa_handler = count_interruption;
  ::sigaction(SIGUSR1, &on_signal, &previous);
  Pipe pipe;
  const std::string bytes = pattern(10'000);
  std::string got(bytes.size(), '\0');
  fd_io::ReadResult result;
  std::atomic<bool> reading{false};
  std::thread reader([&] {
    reading = true;
    result = fd_io::read_full(pipe.read, got.data(), got.size());
  });
  while (!reading) std::this_thread::yield();
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::pthread_kill(reader.native_handle(), SIGUSR1);
  }
  // In parts, so the reader sees short reads as well.
  for (std::size_t at = 0; at < bytes.size(); at += 3000) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(fd_io::write_all(pipe.write, std::string_view(bytes).substr(at, 3000)), 0);
  }
  reader.join();
  ::sigaction(SIGUSR1, &previous, nullptr);
  EXPECT_GE(interruptions.load(), 1);
  EXPECT_EQ(result.error, 0);
  EXPECT_EQ(result.bytes, bytes.size());
  EXPECT_EQ(got, bytes);
}

TEST(FdIo, ReadsStopAtTheFilesEndAndPreadLeavesThePositionAlone) {
  TempDir dir;
  const auto path = dir.path() / "data.bin";
  const std::string bytes = pattern(5000);
  std::ofstream(path, std::ios::binary) << bytes;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);

  std::string window(1000, '\0');
  const fd_io::ReadResult middle = fd_io::pread_full(fd, window.data(), window.size(), 2000);
  EXPECT_EQ(middle.error, 0);
  EXPECT_EQ(middle.bytes, 1000u);
  EXPECT_EQ(window, bytes.substr(2000, 1000));
  const fd_io::ReadResult tail = fd_io::pread_full(fd, window.data(), window.size(), 4500);
  EXPECT_EQ(tail.error, 0);
  EXPECT_EQ(tail.bytes, 500u);  // short: the file ends
  EXPECT_EQ(window.substr(0, 500), bytes.substr(4500));

  std::string all(8000, '\0');
  const fd_io::ReadResult whole = fd_io::read_full(fd, all.data(), all.size());  // still at the start
  EXPECT_EQ(whole.error, 0);
  ASSERT_EQ(whole.bytes, bytes.size());
  EXPECT_EQ(all.substr(0, whole.bytes), bytes);
  ::close(fd);

  EXPECT_EQ(fd_io::read_full(-1, all.data(), 1).error, EBADF);
  EXPECT_EQ(fd_io::pread_full(-1, all.data(), 1, 0).error, EBADF);
}

}  // namespace
}  // namespace litmus::testing
