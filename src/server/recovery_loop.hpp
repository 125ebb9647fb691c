#pragma once
// Closes the sessions of crashed test processes while the server runs:
// store::recover() once at construction, so the first answers already show
// them as aborted, then periodically on a thread with its own read-write
// store connection (the API's connection never blocks on it).

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace litmus::store {
class EventStore;
}

namespace litmus::server {

class RecoveryLoop {
 public:
  RecoveryLoop(std::filesystem::path data_dir, std::chrono::milliseconds period);
  ~RecoveryLoop();
  RecoveryLoop(const RecoveryLoop&) = delete;
  RecoveryLoop& operator=(const RecoveryLoop&) = delete;

 private:
  void pass();
  void run();

  std::filesystem::path data_dir_;
  std::chrono::milliseconds period_;
  std::unique_ptr<store::EventStore> store_;
  // Problems already logged: a corrupt journal stays corrupt, and saying so
  // every few seconds would bury everything else in the log.
  std::vector<std::string> reported_problems_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace litmus::server
