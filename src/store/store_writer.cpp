#include "store/store_writer.hpp"

#include <sys/stat.h>

#include <iostream>
#include <memory>
#include <optional>

#include "store/checkpointer.hpp"
#include "store/event_store.hpp"
#include "store/journal_ingestor.hpp"
#include "store/live_notifier.hpp"

namespace litmus::store {

namespace {
constexpr std::size_t kMaxBatch = 4096;
// After a batch the thread polls briefly before sleeping for real, so a
// burst of emits costs no wake-up syscalls.
constexpr auto kLinger = std::chrono::milliseconds(2);
constexpr auto kRetryDelay = std::chrono::milliseconds(50);
// Short lock waits inside SQLite keep the thread responsive to stop; the
// loop retries for as long as it takes.
constexpr int kBusyTimeoutMs = 200;

// The inode of the store file, 0 when it is missing. A store deleted or
// replaced under an open connection would silently swallow commits.
ino_t store_inode(const std::filesystem::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}
}  // namespace

StoreWriter::StoreWriter(std::filesystem::path data_dir, std::filesystem::path journal)
    : data_dir_(std::move(data_dir)), journal_(std::move(journal)) {
  thread_ = std::thread([this] { run(); });
}

StoreWriter::~StoreWriter() { drain_and_stop(std::chrono::milliseconds(0)); }

void StoreWriter::publish(std::uint64_t offset) {
  published_.store(offset);
  if (idle_.load()) {
    std::lock_guard lock(mutex_);
    cv_.notify_one();
  }
}

bool StoreWriter::wait_ingested(std::chrono::milliseconds timeout) {
  const std::uint64_t target = published_.load();
  std::unique_lock lock(mutex_);
  return progress_.wait_for(lock, timeout, [&] { return ingested_.load() >= target; });
}

void StoreWriter::drain_and_stop(std::chrono::milliseconds timeout) {
  if (!thread_.joinable()) return;
  if (timeout.count() > 0) wait_ingested(timeout);
  {
    std::lock_guard lock(mutex_);
    stop_.store(true);
    cv_.notify_one();
  }
  thread_.join();
}

void StoreWriter::report(const std::string& message) {
  if (message == last_report_) return;
  last_report_ = message;
  std::cerr << "litmus: store writer: " << message << " (events stay in the journal " << journal_.string()
            << " and are retried)\n";
}

void StoreWriter::wait_for_work() {
  std::unique_lock lock(mutex_);
  const std::uint64_t seen = ingested_.load();
  if (cv_.wait_for(lock, kLinger, [&] { return stop_.load() || published_.load() > seen; })) return;
  // Dekker-style handshake with publish(): set idle_, then re-check.
  idle_.store(true);
  cv_.wait(lock, [&] { return stop_.load() || published_.load() > seen; });
  idle_.store(false);
}

void StoreWriter::run() {
  std::unique_ptr<Checkpointer> checkpointer;  // outlives `store`, whose connection it watches
  std::unique_ptr<EventStore> store;
  ino_t opened_inode = 0;
  std::optional<JournalIngestor> ingestor;
  LiveNotifier notifier(data_dir_);
  while (!stop_.load()) {
    const std::uint64_t target = published_.load();
    if (ingested_.load() >= target) {
      wait_for_work();
      continue;
    }
    try {
      if (!store) {
        store = EventStore::open(data_dir_);
        store->db().set_busy_timeout(kBusyTimeoutMs);
        if (!checkpointer) checkpointer = std::make_unique<Checkpointer>(store->path());
        checkpointer->watch(store->db());  // checkpoints off this thread
        opened_inode = store_inode(store->path());
      }
      if (!ingestor) ingestor.emplace(journal_, 0);
      const std::uint64_t before = ingestor->committed_offset();
      ingestor->ingest_some(*store, target, kMaxBatch);
      if (ingestor->committed_offset() == before) {
        // Published bytes that hold no valid record: the file was damaged
        // under us. Say so and look again later rather than spin.
        report("journal unreadable from offset " + std::to_string(before));
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_.load(); });
        continue;
      }
      if (store_inode(store->path()) != opened_inode) {
        // Deleted or replaced under our connection: what we committed went
        // to the old file. Refill the new one from the start of the journal
        // (ingest is idempotent, so a file that merely moved loses nothing).
        report("store file " + store->path().string() + " was removed or replaced; refilling the new one");
        store.reset();
        ingestor.reset();
        continue;
      }
      {
        std::lock_guard lock(mutex_);
        ingested_.store(ingestor->committed_offset());
      }
      progress_.notify_all();
      notifier.notify();
      checkpointer->after_commit();
      last_report_.clear();
    } catch (const BusyError&) {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, kRetryDelay, [&] { return stop_.load(); });
    } catch (const std::exception& error) {
      report(error.what());
      store.reset();  // the file may have been replaced or removed: reopen
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_.load(); });
    }
  }
}

}  // namespace litmus::store
