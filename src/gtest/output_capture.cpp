#include "gtest/output_capture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>

#include "core/fd_io.hpp"

namespace litmus::gtest_runner {

namespace {

// Errors are dropped: the terminal is gone, and there is nothing to save
// the bytes for.
void echo(int fd, const char* data, std::size_t size) { fd_io::write_all(fd, std::string_view(data, size)); }

using Clock = std::chrono::steady_clock;

constexpr int kFatalSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

// What the fatal-signal handler needs, as plain ints it may read from a
// signal context. One capture per process (the constructor's contract).
struct FatalState {
  int target[2] = {-1, -1};
  int saved[2] = {-1, -1};
  int read[2] = {-1, -1};
  struct sigaction previous[std::size(kFatalSignals)] = {};
};
FatalState fatal;

// Async-signal-safe: dup2, fcntl, read, write, sigaction, raise.
void on_fatal_signal(int signo) {
  for (int i = 0; i < 2; ++i) {
    if (fatal.saved[i] < 0) continue;
    ::dup2(fatal.saved[i], fatal.target[i]);
    ::fcntl(fatal.read[i], F_SETFL, O_NONBLOCK);
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fatal.read[i], buffer, sizeof buffer)) > 0) {
      echo(fatal.target[i], buffer, static_cast<std::size_t>(n));
    }
  }
  for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) {
    ::sigaction(kFatalSignals[i], &fatal.previous[i], nullptr);
  }
  ::raise(signo);  // blocked until we return, then delivered with the old action
}

void flush_streams() {
  std::cout.flush();
  std::cerr.flush();
  std::clog.flush();
  std::fflush(nullptr);
}

[[noreturn]] void throw_errno(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

OutputCapture::OutputCapture(Sink sink, OutputCaptureOptions options)
    : sink_(std::move(sink)),
      options_(options),
      streams_{{.name = "stdout", .target_fd = STDOUT_FILENO}, {.name = "stderr", .target_fd = STDERR_FILENO}} {
  int wake[2];
  if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) throw_errno("pipe2");
  int pipes[2][2] = {{-1, -1}, {-1, -1}};
  int saved[2] = {-1, -1};
  auto undo = [&] {
    for (int fd : {wake[0], wake[1], pipes[0][0], pipes[0][1], pipes[1][0], pipes[1][1], saved[0], saved[1]}) {
      if (fd >= 0) ::close(fd);
    }
  };
  for (int i = 0; i < 2; ++i) {
    // Our read ends are non-blocking: stop() must not wait for an end of
    // file that a child process still holding the pipe would never give.
    if (::pipe2(pipes[i], O_CLOEXEC) != 0 || ::fcntl(pipes[i][0], F_SETFL, O_NONBLOCK) != 0 ||
        (saved[i] = ::fcntl(streams_[i].target_fd, F_DUPFD_CLOEXEC, 3)) < 0) {
      const int error = errno;
      undo();
      errno = error;
      throw_errno("output capture");
    }
  }
  flush_streams();  // what was printed before belongs to the terminal only
  for (int i = 0; i < 2; ++i) {
    ::dup2(pipes[i][1], streams_[i].target_fd);  // the new fd 1/2 is inherited by children, like the old
    ::close(pipes[i][1]);
    streams_[i].saved_fd = saved[i];
    streams_[i].read_fd = pipes[i][0];
    fatal.target[i] = streams_[i].target_fd;
    fatal.saved[i] = saved[i];
    fatal.read[i] = pipes[i][0];
  }
  wake_read_ = wake[0];
  wake_write_ = wake[1];
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_NODEFER;  // raise() in the handler must not wait for it to return
  for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) {
    ::sigaction(kFatalSignals[i], &action, &fatal.previous[i]);
  }
  thread_ = std::thread([this] { run(); });
}

OutputCapture::~OutputCapture() { stop(); }

void OutputCapture::stop() {
  if (stopped_) return;
  stopped_ = true;
  flush_streams();
  for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) {
    ::sigaction(kFatalSignals[i], &fatal.previous[i], nullptr);
  }
  for (auto& stream : streams_) ::dup2(stream.saved_fd, stream.target_fd);
  const char byte = 0;
  echo(wake_write_, &byte, 1);
  thread_.join();
  for (auto& stream : streams_) {
    ::close(stream.read_fd);
    ::close(stream.saved_fd);
  }
  ::close(wake_read_);
  ::close(wake_write_);
  fatal = FatalState{};
}

void OutputCapture::run() {
  std::optional<Clock::time_point> deadline;  // when the pending batches go out
  bool stopping = false;
  while (!stopping) {
    int timeout_ms = -1;
    if (deadline) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
      timeout_ms = static_cast<int>(std::max<std::int64_t>(left, 0));
    }
    pollfd fds[3] = {{streams_[0].read_fd, POLLIN, 0}, {streams_[1].read_fd, POLLIN, 0}, {wake_read_, POLLIN, 0}};
    // Once every writer has closed a pipe it polls "hung up" for ever: stop
    // asking about it.
    for (int i = 0; i < 2; ++i) {
      if (streams_[i].read_fd < 0 || streams_[i].at_end) fds[i].fd = -1;
    }
    const int ready = ::poll(fds, 3, timeout_ms);
    if (ready < 0 && errno != EINTR) break;
    stopping = ready > 0 && (fds[2].revents & POLLIN) != 0;
    for (int i = 0; i < 2; ++i) {
      // On stop, whatever the pipes still hold was written before the
      // descriptors were put back: it comes first.
      if (stopping || (ready > 0 && fds[i].revents != 0)) drain(streams_[i]);
    }
    const bool pending = !streams_[0].batch.empty() || !streams_[1].batch.empty();
    if (pending && !deadline) deadline = Clock::now() + options_.batch_delay;
    const bool full = streams_[0].batch.size() + streams_[1].batch.size() >= options_.batch_bytes;
    if (stopping || full || (deadline && Clock::now() >= *deadline)) {
      for (auto& stream : streams_) {
        if (stopping && !stream.line.empty()) end_line(stream);  // a last line without '\n'
        hand_over(stream);
      }
      deadline.reset();
    }
  }
}

void OutputCapture::drain(Stream& stream) {
  char buffer[16 * 1024];
  while (true) {
    const ssize_t n = ::read(stream.read_fd, buffer, sizeof buffer);
    if (n > 0) {
      echo(stream.saved_fd, buffer, static_cast<std::size_t>(n));
      add_bytes(stream, buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) stream.at_end = true;
    return;  // EAGAIN: all there is for now
  }
}

void OutputCapture::add_bytes(Stream& stream, const char* data, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\n') {
      end_line(stream);
    } else if (stream.line.size() < options_.max_line_bytes) {
      stream.line.push_back(data[i]);
    } else {
      stream.line_cut = true;
    }
  }
}

void OutputCapture::end_line(Stream& stream) {
  std::string line = std::move(stream.line);
  stream.line.clear();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (stream.line_cut) line += " [line cut at " + std::to_string(options_.max_line_bytes) + " bytes]";
  stream.line_cut = false;
  if (truncated_) return;
  if (recorded_bytes_ + line.size() + 1 > options_.max_bytes) {
    truncated_ = true;
    for (auto& other : streams_) hand_over(other);
    deliver({stream.name, "", true});
    return;
  }
  recorded_bytes_ += line.size() + 1;
  stream.batch += line;
  stream.batch += '\n';
}

void OutputCapture::hand_over(Stream& stream) {
  if (stream.batch.empty()) return;
  std::string text = std::move(stream.batch);
  stream.batch.clear();
  text.pop_back();  // the last line's '\n'
  deliver({stream.name, std::move(text), false});
}

void OutputCapture::deliver(const OutputChunk& chunk) {
  try {
    sink_(chunk);
  } catch (...) {
    // The sink is the event log: if it cannot take output, the program and
    // its terminal go on; only the copy in the events stops.
    truncated_ = true;
  }
}

}  // namespace litmus::gtest_runner
