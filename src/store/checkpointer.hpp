#pragma once
// Moves SQLite's WAL checkpoints off the store writer's commit path.
//
// With SQLite's default auto-checkpoint, every ~1000 WAL pages one commit
// runs the checkpoint inline — two fdatasyncs, tens of milliseconds on a
// busy disk — and every event behind it waits: that was the whole tail of
// the live latency (bench/BENCHMARKS.md §4). The writer's connection turns
// auto-checkpoint off and asks this thread, with its own connection, for a
// PASSIVE checkpoint (which never blocks writers) once the WAL is large, and
// for a TRUNCATE one when a steady stream of commits kept it from catching up.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

namespace litmus::store {

class Checkpointer {
 public:
  explicit Checkpointer(std::filesystem::path store_path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Call after each commit: requests a checkpoint when the WAL file has
  // grown past the threshold. Cheap (one stat) — but past the hard limit it
  // waits (at most ~2 s) for that checkpoint: a writer that starts its next
  // transaction at once would keep the truncating checkpoint from ever
  // getting the lock, and the WAL would grow without bound.
  void after_commit();

 private:
  void run();

  const std::filesystem::path store_path_;
  const std::filesystem::path wal_path_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::condition_variable done_cv_;
  bool requested_ = false;  // guarded by mutex_
  bool stop_ = false;       // guarded by mutex_
  std::uint64_t finished_ = 0;  // checkpoints run (or failed); guarded by mutex_
  std::thread thread_;      // started on the first request
};

}  // namespace litmus::store
