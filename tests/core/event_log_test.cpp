#include "litmus/event_log.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "core/journal_reader.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;

TEST(EventLog, SeqIsGapFreeAcrossThreadsAndEverythingReachesTheStore) {
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path()});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) log->emit("test.tick", {{"i", i}});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(log->last_seq(), 2000u);
  ASSERT_TRUE(log->wait_for_store(10s));
  auto store = store::EventStore::open(dir.path(), store::EventStore::Mode::read_only);
  auto events = store->events({.session_id = log->session_id(), .limit = 5000});
  ASSERT_EQ(events.size(), 2000u);
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].event.seq, i + 1);
}

TEST(EventLog, EventIsInTheJournalWhenEmitReturns) {
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
  log->emit("test.one", {{"x", 1}});
  JournalReader reader(log->journal_path());
  JournalReader::Record record;
  int records = 0;
  while (reader.next(record)) ++records;
  EXPECT_EQ(records, 2);  // header + the event
}

TEST(EventLog, SubscribersSeeEveryEvent) {
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
  std::vector<std::string> seen;
  auto subscription = log->subscribe([&](const Event& e) { seen.push_back(e.type + "#" + std::to_string(e.seq)); });
  log->emit("a.b", nlohmann::json::object());
  log->emit_json("c.d", R"({"k":1})");
  subscription.reset();
  log->emit("e.f", nlohmann::json::object());
  EXPECT_EQ(seen, (std::vector<std::string>{"a.b#1", "c.d#2"}));
}

TEST(EventLog, RejectsWhatIsNotAJsonObject) {
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path(), .ingest = false});
  EXPECT_THROW(log->emit("x.y", nlohmann::json::array()), std::invalid_argument);
  EXPECT_THROW(log->emit_json("x.y", "[1]"), std::invalid_argument);
  EXPECT_THROW(log->emit("", nlohmann::json::object()), std::invalid_argument);
  EXPECT_EQ(log->last_seq(), 0u);  // nothing consumed a seq
  EXPECT_EQ(log->emit("x.y", nlohmann::json::object()), 1u);
}

TEST(EventLog, SamplesGetAClaimCheck) {
  testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path()});
  const std::vector<double> samples(1000, 0.5);
  const auto seq = log->emit_samples("instrument.read", {{"channel", "scope.ch1"}}, "scope.ch1", samples);
  ASSERT_TRUE(log->wait_for_store(10s));
  auto store = store::EventStore::open(dir.path(), store::EventStore::Mode::read_only);
  auto events = store->events({.session_id = log->session_id()});
  ASSERT_EQ(events.size(), 1u);
  auto payload = nlohmann::json::parse(events[0].event.payload);
  EXPECT_EQ(payload["value"]["_ref"], "channel://scope.ch1/" + log->session_id() + "/" + std::to_string(seq));
  EXPECT_EQ(payload["value"]["length"], 1000);
}

}  // namespace
}  // namespace litmus
