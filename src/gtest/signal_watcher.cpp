#include "gtest/signal_watcher.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace litmus::gtest_runner {

namespace {

// One watcher per process: the handler can reach only globals.
int pipe_fds[2] = {-1, -1};
std::atomic<bool> handling{false};
struct sigaction previous_int {};
struct sigaction previous_term {};
constexpr unsigned char kStop = 0;  // not a signal number: ends the thread

void on_signal_received(int signo) {
  if (handling.exchange(true)) ::_exit(128 + signo);  // impatient second signal
  const auto byte = static_cast<unsigned char>(signo);
  [[maybe_unused]] const auto written = ::write(pipe_fds[1], &byte, 1);
}

}  // namespace

SignalWatcher::SignalWatcher(std::function<void(const std::string&)> on_signal) : on_signal_(std::move(on_signal)) {
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe2");
  struct sigaction action {};
  action.sa_handler = on_signal_received;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &previous_int);
  ::sigaction(SIGTERM, &action, &previous_term);
  thread_ = std::thread([this] { watch(); });
}

SignalWatcher::~SignalWatcher() {
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
  const unsigned char stop = kStop;
  [[maybe_unused]] const auto written = ::write(pipe_fds[1], &stop, 1);
  thread_.join();
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  pipe_fds[0] = pipe_fds[1] = -1;
}

void SignalWatcher::watch() {
  unsigned char byte = kStop;
  while (true) {
    const auto got = ::read(pipe_fds[0], &byte, 1);
    if (got == 1) break;
    if (got < 0 && errno == EINTR) continue;
    return;
  }
  if (byte == kStop) return;
  const int signo = byte;
  std::fprintf(stderr, "litmus: %s: ending the run (terminated), making instruments safe\n",
               signo == SIGINT ? "SIGINT" : "SIGTERM");
  on_signal_(signo == SIGINT ? "SIGINT" : "SIGTERM");
  std::fflush(nullptr);
  ::_exit(128 + signo);
}

}  // namespace litmus::gtest_runner
