#include "store/event_store.hpp"

#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace litmus::store {
namespace {

using litmus::testing::make_entry;
constexpr const char* kA = "aaaaaaaa-0000-4000-8000-000000000001";
constexpr const char* kB = "aaaaaaaa-0000-4000-8000-000000000002";
constexpr const char* kC = "bbbbbbbb-0000-4000-8000-000000000003";

std::vector<JournalEntry> session_entries(const std::string& id) {
  return {
      make_entry(id, 1, "session.started",
                 {{"station", "bench_1"}, {"hostname", "h"}, {"pid", 42}, {"operator", "ann"}, {"dut_serial", "SN1"}}),
      make_entry(id, 2, "instrument.connected", {{"type", "dmm"}, {"resource", "mock"}, {"mocked", true}}, "dmm"),
      make_entry(id, 3, "instrument.read", {{"channel", "dmm.voltage"}, {"value", 3.3}, {"units", "V"}}, "dmm"),
      make_entry(id, 4, "instrument.read", {{"channel", "dmm.voltage"}, {"value", 3.4}, {"units", "V"}}, "dmm"),
      make_entry(id, 5, "session.ended", {{"outcome", "passed"}}),
  };
}

TEST(EventStore, ProjectsSessionsInstrumentsAndChannels) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(session_entries(kA), 500);
  auto session = store->session(kA);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->station, "bench_1");
  EXPECT_EQ(session->operator_name, "ann");
  EXPECT_EQ(session->dut_serial, "SN1");
  EXPECT_EQ(session->pid, 42);
  EXPECT_EQ(session->outcome, "passed");
  EXPECT_EQ(session->event_count, 5);
  EXPECT_EQ(session->last_seq, 5);
  EXPECT_EQ(store->journal_offset(kA), 500u);
  auto instruments = store->instruments(kA);
  ASSERT_EQ(instruments.size(), 1u);
  EXPECT_EQ(instruments[0].role, "dmm");
  EXPECT_TRUE(instruments[0].mocked);
  auto channel = store->channel("dmm.voltage");
  ASSERT_TRUE(channel);
  EXPECT_EQ(channel->kind, "scalar");
  EXPECT_EQ(channel->count, 2);
  EXPECT_DOUBLE_EQ(*channel->last_value, 3.4);
  EXPECT_EQ(channel->units, "V");
}

TEST(EventStore, IngestIsIdempotent) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  const auto entries = session_entries(kA);
  store->ingest(entries, 100);
  store->ingest(entries, 100);
  store->ingest(std::span(entries).subspan(2, 2), 100);
  EXPECT_EQ(store->events({.session_id = kA, .limit = 100}).size(), 5u);
  EXPECT_EQ(store->session(kA)->event_count, 5);
  EXPECT_EQ(store->channel("dmm.voltage")->count, 2);
}

TEST(EventStore, SessionPrefixesResolveOrAreAmbiguous) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(session_entries(kA), 1);
  store->ingest(session_entries(kB), 1);
  store->ingest(session_entries(kC), 1);
  EXPECT_EQ(store->session("bbbbbbbb")->session_id, kC);
  EXPECT_EQ(store->session("BBBBBBBB-0000")->session_id, kC);
  EXPECT_THROW(store->session("aaaaaaaa"), AmbiguousId);
  EXPECT_FALSE(store->session("bbbb"));  // shorter than 8: never a prefix match
  EXPECT_FALSE(store->session("cccccccc"));
  EXPECT_EQ(store->sessions(10).size(), 3u);
  EXPECT_EQ(store->session_count(), 3);
}

TEST(EventStore, EventQueriesFilterAndPage) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(session_entries(kA), 1);
  store->ingest(session_entries(kC), 1);
  EXPECT_EQ(store->events({.limit = 100}).size(), 10u);
  EXPECT_EQ(store->events({.type = "instrument.read", .limit = 100}).size(), 4u);
  EXPECT_EQ(store->events({.type = "instrument.*", .limit = 100}).size(), 6u);
  EXPECT_EQ(store->events({.type = "session.*", .limit = 100}).size(), 4u);
  EXPECT_EQ(store->events({.role = "dmm", .limit = 100}).size(), 6u);
  EXPECT_EQ(store->events({.since_ts = 4'000'000'000, .limit = 100}).size(), 4u);
  auto first = store->events({.limit = 3});
  ASSERT_EQ(first.size(), 3u);
  auto next = store->events({.after_id = first.back().id, .limit = 100});
  EXPECT_EQ(next.size(), 7u);
  EXPECT_EQ(next.front().id, first.back().id + 1);
  auto newest = store->events({.limit = 1, .newest_first = true});
  EXPECT_EQ(newest.front().id, store->max_event_id());
}

TEST(EventStore, ReadOnlyOpenOfAMissingStoreSaysSo) {
  litmus::testing::TempDir dir;
  EXPECT_THROW(EventStore::open(dir.path() / "nowhere", EventStore::Mode::read_only), StoreError);
}

TEST(EventStore, ForeignPayloadIsStoredRawAndShownRaw) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  auto entry = make_entry(kA, 1, "custom.thing");
  entry.event.payload = "{not json";
  store->ingest(std::span(&entry, 1), 1);
  auto events = store->events({.session_id = kA});
  ASSERT_EQ(events.size(), 1u);
  nlohmann::json j = events[0];
  EXPECT_EQ(j["payload"]["_raw"], "{not json");
}

}  // namespace
}  // namespace litmus::store
