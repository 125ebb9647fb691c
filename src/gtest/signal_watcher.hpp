#pragma once
// SignalWatcher: turns SIGINT/SIGTERM into an orderly end of the run
// (`terminated`, rig made safe, session closed) instead of a silent death
// that recovery would later call `aborted`.
//
// The handler only writes the signal number to a pipe (async-signal-safe);
// a thread reads it and runs the callback, which may lock, emit and fsync.
// A second signal while the first is being handled exits at once.

#include <functional>
#include <string>
#include <thread>

namespace litmus::gtest_runner {

class SignalWatcher {
 public:
  // `on_signal` gets "SIGTERM" or "SIGINT"; the process then exits with
  // status 128 + the signal number.
  explicit SignalWatcher(std::function<void(const std::string&)> on_signal);
  ~SignalWatcher();  // restores the previous handlers
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  void watch();

  std::function<void(const std::string&)> on_signal_;
  std::thread thread_;
};

}  // namespace litmus::gtest_runner
