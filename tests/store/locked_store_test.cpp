// The store held locked by another connection: emit() must not wait for it,
// nothing may be lost, and the writer must catch up once the lock is gone.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "litmus/event_log.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

using namespace std::chrono_literals;

TEST(LockedStore, EmitDoesNotBlockAndTheWriterCatchesUp) {
  litmus::testing::TempDir dir;
  EventStore::open(dir.path());  // creates the schema
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open((dir.path() / "litmus.db").c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);

  std::atomic<bool> lock_held{true};
  std::atomic<int> emitted_while_locked{0};
  constexpr int kEvents = 5000;
  auto log = EventLog::create({.data_dir = dir.path()});
  std::thread emitter([&] {
    for (int i = 0; i < kEvents; ++i) {
      log->emit("test.tick", {{"i", i}});
      if (lock_held.load()) emitted_while_locked.fetch_add(1);
    }
  });
  // Hold the lock well past the point where every emit has returned.
  emitter.join();
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(emitted_while_locked.load(), kEvents) << "emit() waited for the store lock";
  EXPECT_FALSE(log->wait_for_store(100ms)) << "the store cannot have the events yet";

  lock_held.store(false);
  ASSERT_EQ(sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(holder);

  ASSERT_TRUE(log->wait_for_store(30s));
  auto store = EventStore::open(dir.path(), EventStore::Mode::read_only);
  auto events = store->events({.session_id = log->session_id(), .limit = 10000});
  ASSERT_EQ(events.size(), static_cast<std::size_t>(kEvents));
  for (int i = 0; i < kEvents; ++i) EXPECT_EQ(events[static_cast<std::size_t>(i)].event.seq, static_cast<std::uint64_t>(i + 1));
}

TEST(LockedStore, AStoreThatIsGoneIsRecreatedAndRefilledFromTheJournal) {
  litmus::testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path()});
  for (int i = 0; i < 100; ++i) log->emit("test.tick", {{"i", i}});
  ASSERT_TRUE(log->wait_for_store(10s));
  for (const char* name : {"litmus.db", "litmus.db-wal", "litmus.db-shm"}) std::filesystem::remove(dir.path() / name);
  for (int i = 100; i < 200; ++i) log->emit("test.tick", {{"i", i}});
  ASSERT_TRUE(log->wait_for_store(10s));
  // Without recovery: the live writer noticed and refilled the new file.
  auto store = EventStore::open(dir.path(), EventStore::Mode::read_only);
  EXPECT_EQ(store->events({.type = "test.tick", .limit = 1000}).size(), 200u);
}

}  // namespace
}  // namespace litmus::store
