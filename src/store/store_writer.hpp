#pragma once
// The background thread that moves a live session's journal into the
// EventStore. emit() publishes the journal's new end offset; the thread
// reads the new records back (from the page cache) and commits them in
// batches. Because the journal is the queue, memory stays bounded however
// slow or locked the store is, and nothing is lost when it is gone: the
// thread retries, and recovery finishes the job if the process exits first.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace litmus::store {

class StoreWriter {
 public:
  StoreWriter(std::filesystem::path data_dir, std::filesystem::path journal);
  // Stops without waiting for the store; see drain_and_stop().
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // The journal now ends at `offset` (a record boundary). Cheap: an atomic
  // store, plus a wake-up only when the thread is idle.
  void publish(std::uint64_t offset);

  // Waits until everything published is committed. False on timeout.
  bool wait_ingested(std::chrono::milliseconds timeout);

  // Waits up to `timeout` for the store to catch up, then stops the thread.
  void drain_and_stop(std::chrono::milliseconds timeout);

 private:
  void run();
  void wait_for_work();
  void report(const std::string& message);

  const std::filesystem::path data_dir_;
  const std::filesystem::path journal_;

  std::atomic<std::uint64_t> published_{0};  // journal end, set by emit()
  std::atomic<std::uint64_t> ingested_{0};   // committed to the store
  std::atomic<bool> idle_{false};            // thread is (about to be) blocked on cv_
  std::atomic<bool> stop_{false};

  std::mutex mutex_;
  std::condition_variable cv_;        // wakes the thread
  std::condition_variable progress_;  // wakes wait_ingested()
  std::string last_report_;           // last problem printed, to print each once
  std::thread thread_;
};

}  // namespace litmus::store
