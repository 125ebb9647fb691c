#include "store/checkpointer.hpp"

#include <sys/stat.h>

#include <chrono>
#include <iostream>

#include "store/sqlite_db.hpp"

namespace litmus::store {

namespace {
// SQLite's own auto-checkpoint threshold is 1000 pages (4 MiB at 4 KiB).
constexpr off_t kWalThresholdBytes = 4 << 20;
// A PASSIVE checkpoint never blocks writers, but under a steady stream of
// commits it never catches up, so the WAL is never rewound and grows. Past
// this size the checkpoint waits for the writer and truncates the WAL — a
// short, rare stall (the writer retries while busy) instead of a WAL
// without bound.
constexpr off_t kWalHardLimitBytes = 32 << 20;

off_t bytes_of(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_size : 0;
}
}  // namespace

Checkpointer::Checkpointer(std::filesystem::path store_path)
    : store_path_(std::move(store_path)), wal_path_(store_path_.string() + "-wal") {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_one();
  done_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::after_commit() {
  const off_t wal_bytes = bytes_of(wal_path_);
  if (wal_bytes < kWalThresholdBytes) return;
  std::unique_lock lock(mutex_);
  if (stop_) return;
  if (!requested_) {
    requested_ = true;
    if (!thread_.joinable()) {
      thread_ = std::thread([this] { run(); });
    } else {
      cv_.notify_one();
    }
  }
  if (wal_bytes <= kWalHardLimitBytes) return;
  // The checkpoint pending now (or running) may have started before the WAL
  // passed the limit: wait for the one after it, which truncates.
  const std::uint64_t until = finished_ + 2;
  done_cv_.wait_for(lock, std::chrono::seconds(2), [&] {
    if (!requested_ && finished_ < until && !stop_) {
      requested_ = true;
      cv_.notify_one();
    }
    return finished_ >= until || stop_;
  });
}

void Checkpointer::run() {
  std::unique_ptr<Database> db;
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [&] { return requested_ || stop_; });
    if (stop_) return;
    lock.unlock();
    try {
      if (!db) db = std::make_unique<Database>(store_path_, /*read_only=*/false, /*busy_timeout_ms=*/1000);
      db->exec(bytes_of(wal_path_) > kWalHardLimitBytes ? "PRAGMA wal_checkpoint(TRUNCATE)"
                                                          : "PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const std::exception& error) {
      // Another connection checkpointing, or the file gone: the next
      // request retries; the WAL meanwhile only grows.
      db.reset();
      std::cerr << "litmus: checkpoint of " << store_path_.string() << " deferred: " << error.what() << "\n";
    }
    lock.lock();
    requested_ = false;
    ++finished_;
    done_cv_.notify_all();
  }
}

}  // namespace litmus::store
