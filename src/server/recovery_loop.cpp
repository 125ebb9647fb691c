#include "server/recovery_loop.hpp"

#include <algorithm>
#include <exception>

#include "server/log.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"

namespace litmus::server {

RecoveryLoop::RecoveryLoop(std::filesystem::path data_dir, std::chrono::milliseconds period)
    : data_dir_(std::move(data_dir)),
      period_(period),
      store_(store::EventStore::open(data_dir_, store::EventStore::Mode::read_write)) {
  pass();
  thread_ = std::thread([this] { run(); });
}

RecoveryLoop::~RecoveryLoop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RecoveryLoop::pass() {
  try {
    const auto report = store::recover(data_dir_, *store_);
    if (report.journals_replayed > 0 || report.sessions_closed > 0) {
      log_line("recovery: replayed " + std::to_string(report.events_replayed) + " event(s) from " +
               std::to_string(report.journals_replayed) + " journal(s), closed " +
               std::to_string(report.sessions_closed) + " session(s) as aborted");
    }
    for (const auto& problem : report.problems) {
      if (std::find(reported_problems_.begin(), reported_problems_.end(), problem) != reported_problems_.end()) {
        continue;
      }
      reported_problems_.push_back(problem);
      log_line("recovery: " + problem);
    }
  } catch (const std::exception& e) {
    // A busy or briefly unreadable store is retried on the next pass.
    log_line(std::string("recovery failed: ") + e.what());
  }
}

void RecoveryLoop::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, period_, [this] { return stopping_; })) {
    lock.unlock();
    pass();
    lock.lock();
  }
}

}  // namespace litmus::server
