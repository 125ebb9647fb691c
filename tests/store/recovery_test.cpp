#include "store/recovery.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "litmus/event_log.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

// A session whose process "died": its journal holds events (never ingested)
// and no session.ended; the log is closed so its lock is released.
std::string write_dead_session(const std::filesystem::path& data_dir, int reads, bool open_run = false) {
  auto log = EventLog::create({.data_dir = data_dir, .ingest = false});
  log->emit("session.started", {{"station", "bench_1"}, {"operator", "ann"}});
  EventContext run;
  run.run_id = "11111111-2222-4333-8444-555555555555";
  if (open_run) log->emit("run.started", nlohmann::json::object(), run);
  for (int i = 0; i < reads; ++i) log->emit("instrument.read", {{"channel", "dmm.voltage"}, {"value", i}});
  return log->session_id();
}

TEST(Recovery, ReplaysTheJournalAndClosesTheSessionAsAborted) {
  litmus::testing::TempDir dir;
  const std::string id = write_dead_session(dir.path(), 50);
  auto store = EventStore::open(dir.path());
  auto report = recover(dir.path(), *store);
  EXPECT_EQ(report.journals_scanned, 1);
  EXPECT_EQ(report.journals_replayed, 1);
  EXPECT_EQ(report.sessions_closed, 1);
  EXPECT_EQ(report.events_replayed, 51u);  // what the process wrote; the synthetic end is extra
  auto session = store->session(id);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->outcome, "aborted");
  EXPECT_TRUE(session->synthetic_end);
  EXPECT_EQ(session->last_seq, 52);
  auto last = store->events({.session_id = id, .limit = 1, .newest_first = true});
  auto payload = nlohmann::json::parse(last[0].event.payload);
  EXPECT_EQ(last[0].event.type, "session.ended");
  EXPECT_EQ(payload["synthetic"], true);
}

TEST(Recovery, IsIdempotent) {
  litmus::testing::TempDir dir;
  write_dead_session(dir.path(), 10);
  auto store = EventStore::open(dir.path());
  recover(dir.path(), *store);
  const auto count = store->events({.limit = 1000}).size();
  auto again = recover(dir.path(), *store);
  EXPECT_EQ(again.journals_replayed, 0);
  EXPECT_EQ(again.sessions_closed, 0);
  EXPECT_EQ(store->events({.limit = 1000}).size(), count);
}

TEST(Recovery, ClosesAnOpenRunToo) {
  litmus::testing::TempDir dir;
  const std::string id = write_dead_session(dir.path(), 1, /*open_run=*/true);
  auto store = EventStore::open(dir.path());
  recover(dir.path(), *store);
  auto ended = store->events({.session_id = id, .type = "run.ended"});
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].event.run_id, "11111111-2222-4333-8444-555555555555");
  EXPECT_EQ(nlohmann::json::parse(ended[0].event.payload)["outcome"], "aborted");
}

TEST(Recovery, LeavesLiveJournalsToTheirProcess) {
  litmus::testing::TempDir dir;
  auto live = EventLog::create({.data_dir = dir.path(), .ingest = false});
  live->emit("session.started", nlohmann::json::object());
  auto store = EventStore::open(dir.path());
  auto report = recover(dir.path(), *store);
  EXPECT_EQ(report.journals_live, 1);
  EXPECT_EQ(report.sessions_closed, 0);
  EXPECT_FALSE(store->session(live->session_id()));
}

TEST(Recovery, TornTailIsSetAsideAndTheSessionStillCloses) {
  litmus::testing::TempDir dir;
  const std::string id = write_dead_session(dir.path(), 5);
  const auto journal = dir.path() / "journal" / (id + ".journal");
  const auto good_size = std::filesystem::file_size(journal);
  {
    std::ofstream tail(journal, std::ios::app | std::ios::binary);
    tail << "\x12\x34partial record";
  }
  auto store = EventStore::open(dir.path());
  auto report = recover(dir.path(), *store);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("torn tail"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(journal.string() + ".torn-" + std::to_string(good_size)));
  EXPECT_EQ(store->session(id)->outcome, "aborted");
  EXPECT_EQ(store->session(id)->last_seq, 7);
}

TEST(Recovery, CorruptionInTheMiddleIsReportedAndTheRestRecovered) {
  litmus::testing::TempDir dir;
  const std::string id = write_dead_session(dir.path(), 20);
  const auto journal = dir.path() / "journal" / (id + ".journal");
  {
    std::fstream file(journal, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(journal) / 2));
    file.put('\xAA').put('\x55');
  }
  auto store = EventStore::open(dir.path());
  auto report = recover(dir.path(), *store);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_NE(report.problems[0].find("corrupt bytes skipped"), std::string::npos);
  const auto session = store->session(id);
  EXPECT_EQ(session->outcome, "aborted");
  EXPECT_GE(session->event_count, 19);  // one or two records lost to the damage, the rest kept
  EXPECT_EQ(session->last_seq, 22);  // 21 written + the synthetic end
}

}  // namespace
}  // namespace litmus::store
