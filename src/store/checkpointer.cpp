#include "store/checkpointer.hpp"

#include <sqlite3.h>

#include <chrono>
#include <iostream>

#include "store/sqlite_db.hpp"

namespace litmus::store {

namespace {
// SQLite's own auto-checkpoint threshold is 1000 pages (4 MiB at 4 KiB).
constexpr std::int64_t kWalThresholdBytes = 4 << 20;
// A PASSIVE checkpoint never blocks writers, but under a steady stream of
// commits it never catches up, so the WAL is never rewound and grows. Past
// this size the checkpoint waits for the writer and restarts the WAL — a
// short, rare stall (the writer retries while busy) instead of a WAL
// without bound. RESTART, not TRUNCATE: the next commits overwrite the
// file's blocks in place instead of allocating them again, which made a
// stream of 1 MB waveforms ~10 % faster (bench/BENCHMARKS.md §7); the file
// is cut back to this size when it restarts (journal_size_limit).
constexpr std::int64_t kWalHardLimitBytes = 32 << 20;

int on_wal_commit(void* wal_pages, sqlite3*, const char*, int pages) {
  static_cast<std::atomic<std::int64_t>*>(wal_pages)->store(pages);
  return SQLITE_OK;
}
}  // namespace

Checkpointer::Checkpointer(std::filesystem::path store_path)
    : store_path_(std::move(store_path)) {}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_one();
  done_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::watch(Database& writer) {
  auto q = writer.prepare("PRAGMA page_size");
  if (q.step()) page_bytes_ = q.column_int(0);
  writer.exec("PRAGMA journal_size_limit=" + std::to_string(kWalHardLimitBytes));
  // Replaces SQLite's auto-checkpoint (itself a WAL hook) on this connection.
  sqlite3_wal_hook(writer.handle(), on_wal_commit, &wal_pages_);
}

void Checkpointer::after_commit() {
  const std::int64_t bytes = wal_bytes();
  if (bytes < kWalThresholdBytes) return;
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
  if (bytes <= kWalHardLimitBytes) return;
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
      db->exec(wal_bytes() > kWalHardLimitBytes ? "PRAGMA wal_checkpoint(RESTART)"
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
