#pragma once
// Moves SQLite's WAL checkpoints off the store writer's commit path.
//
// With SQLite's default auto-checkpoint, every ~1000 WAL pages one commit
// runs the checkpoint inline — two fdatasyncs, tens of milliseconds on a
// busy disk — and every event behind it waits: that was the whole tail of
// the live latency (bench/BENCHMARKS.md §4). The writer's connection turns
// auto-checkpoint off (watch()) and asks this thread, with its own
// connection, for a PASSIVE checkpoint (which never blocks writers) once the
// WAL holds many pages, and for a RESTART one when a steady stream of
// commits kept it from catching up.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <thread>

namespace litmus::store {

class Database;

class Checkpointer {
 public:
  explicit Checkpointer(std::filesystem::path store_path);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Takes over checkpointing from the writer's connection `writer` (again
  // after each reopen): SQLite's auto-checkpoint off, the WAL's page count
  // seen after each of its commits, its file cut back to the hard limit
  // when it restarts. `writer` must be closed before this is destroyed.
  void watch(Database& writer);

  // Call after each commit on the watched connection: requests a checkpoint
  // when the WAL holds more than the threshold. Cheap — but past the hard
  // limit it waits (at most ~2 s) for that checkpoint: a writer that starts
  // its next transaction at once would keep the restarting checkpoint from
  // ever getting the lock, and the WAL would grow without bound.
  void after_commit();

 private:
  void run();
  // The WAL's size after the watched connection's last commit.
  std::int64_t wal_bytes() const { return wal_pages_.load() * page_bytes_.load(); }

  const std::filesystem::path store_path_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::condition_variable done_cv_;
  bool requested_ = false;  // guarded by mutex_
  bool stop_ = false;       // guarded by mutex_
  std::uint64_t finished_ = 0;  // checkpoints run (or failed); guarded by mutex_
  // The WAL's size in pages after the watched connection's last commit
  // (SQLite's WAL hook, on the writer's thread).
  std::atomic<std::int64_t> wal_pages_{0};
  // The store's page size, read by watch() (again after a reopen, while
  // run() may be reading it).
  std::atomic<std::int64_t> page_bytes_{4096};
  std::thread thread_;      // started on the first request
};

}  // namespace litmus::store
