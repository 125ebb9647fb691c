#pragma once
// Learns that another process committed events: a wake-up datagram on
// <data_dir>/live.sock (within a millisecond of the commit), or, should a
// writer not send one, a change of PRAGMA data_version checked every
// 250 ms (answered from shared memory, no disk I/O). Calls back on its own
// thread; the callback should only hand the work to the server's loop.

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace litmus::store {
class EventStore;
class LiveListener;
}  // namespace litmus::store

namespace litmus::server {

class ChangeWatcher {
 public:
  // The store must exist (the server creates it first).
  ChangeWatcher(const std::filesystem::path& data_dir, std::function<void()> on_change);
  ~ChangeWatcher();
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

 private:
  void run();

  std::filesystem::path data_dir_;
  std::function<void()> on_change_;
  std::unique_ptr<store::LiveListener> listener_;
  std::unique_ptr<store::EventStore> store_;  // its own connection: data_version is per connection
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace litmus::server
