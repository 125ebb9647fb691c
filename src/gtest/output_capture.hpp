#pragma once
// OutputCapture: the test program's own stdout and stderr, copied into the
// run as `run.output` events (the live monitor's Output tab, SPEC D2) while
// still reaching the terminal or log unchanged.
//
// File descriptors 1 and 2 are pointed at pipes; a thread reads them,
// writes every byte through to the original descriptors at once, and
// hands complete lines to the sink in batches (every `batch_delay`, or
// sooner when `batch_bytes` are pending), so a chatty program costs an
// event per batch, not per line.
//
// What a crash does to it: the thread writes through as soon as the pipe
// has data, and a fatal signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL)
// first drains both pipes to the terminal and puts the descriptors back,
// then dies as it would have; lines not yet handed to the sink are then
// missing from the events, never from the terminal. Only SIGKILL can lose
// what is still in a pipe (at most a pipe buffer, written in the last
// microseconds).

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <thread>

namespace litmus::gtest_runner {

struct OutputChunk {
  std::string stream;  // "stdout" or "stderr"
  std::string text;    // whole lines joined by '\n', without the last one's '\n'
  // Set on the one chunk after which nothing more of the run is recorded
  // (the `max_bytes` cap); the output still reaches the terminal.
  bool truncated = false;
};

struct OutputCaptureOptions {
  std::chrono::milliseconds batch_delay{50};
  std::size_t batch_bytes = 16 * 1024;
  // A longer line is cut here (the rest is dropped from the event, not the
  // terminal): one runaway line must not make a multi-megabyte event.
  std::size_t max_line_bytes = 4096;
  // Recorded per capture, both streams together.
  std::size_t max_bytes = 1024 * 1024;
};

class OutputCapture {
 public:
  using Sink = std::function<void(const OutputChunk&)>;

  // Redirects fds 1 and 2 now. Throws std::system_error when the pipes
  // cannot be made (the descriptors are then untouched). One at a time per
  // process.
  OutputCapture(Sink sink, OutputCaptureOptions options = {});
  ~OutputCapture();  // stop()
  OutputCapture(const OutputCapture&) = delete;
  OutputCapture& operator=(const OutputCapture&) = delete;

  // Flushes the C and C++ streams, puts fds 1 and 2 back, and hands the
  // rest (a last partial line included) to the sink before returning.
  // Idempotent.
  void stop();

 private:
  struct Stream {
    const char* name;
    int target_fd;       // 1 or 2
    int saved_fd = -1;   // the original, written through to
    int read_fd = -1;    // our end of the pipe
    std::string line;    // bytes of the line being read
    std::string batch;   // complete lines not yet handed over
    bool line_cut = false;  // the current line passed max_line_bytes
    bool at_end = false;    // every writer closed the pipe
  };

  void run();
  // Reads all `stream` has now, writing it through and splitting lines.
  void drain(Stream& stream);
  void add_bytes(Stream& stream, const char* data, std::size_t size);
  void end_line(Stream& stream);
  void hand_over(Stream& stream);
  // Calls the sink; a sink that throws ends the recording, not the program.
  void deliver(const OutputChunk& chunk);

  Sink sink_;
  const OutputCaptureOptions options_;
  Stream streams_[2];
  std::size_t recorded_bytes_ = 0;
  bool truncated_ = false;
  bool stopped_ = false;
  // stop() writes a byte here to end the thread.
  int wake_read_ = -1;
  int wake_write_ = -1;
  std::thread thread_;
};

}  // namespace litmus::gtest_runner
