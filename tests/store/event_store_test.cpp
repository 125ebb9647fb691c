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

// Readers copy stored payloads into their answers and SSE lines as text:
// every stored payload is one JSON object on one line.
TEST(EventStore, EveryStoredPayloadIsOneObjectOnOneLine) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  std::vector<JournalEntry> entries;
  for (const char* payload : {R"({"a": 1} trailing)", "[1, 2]", "\"text\"", "{\n  \"b\": \"x\\ny\"\n}", R"({"c":[1,{"d":null}]})"}) {
    entries.push_back(make_entry(kA, entries.size() + 1, "custom.thing"));
    entries.back().event.payload = payload;
  }
  store->ingest(entries, 1);
  const auto events = store->events({.session_id = kA, .limit = 10});
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].event.payload, R"({"_raw":"{\"a\": 1} trailing"})");
  EXPECT_EQ(events[1].event.payload, R"({"_raw":"[1, 2]"})");
  EXPECT_EQ(events[2].event.payload, R"({"_raw":"\"text\""})");
  EXPECT_EQ(events[3].event.payload, R"({"b":"x\ny"})");  // compacted, the string's newline kept escaped
  EXPECT_EQ(events[4].event.payload, R"({"c":[1,{"d":null}]})");  // as written
  // The text form is the JSON form.
  for (const auto& event : events) {
    std::string text;
    append_json(text, event);
    EXPECT_EQ(nlohmann::json::parse(text), nlohmann::json(event)) << text;
    EXPECT_EQ(text.find('\n'), std::string::npos) << text;
  }
}

// The events route's JSON, read in two halves on two connections, is the
// text one reader writes: every limit around the session's size and its
// half, both orders, a prefix id; a filtered query is read by one.
TEST(EventStore, EventsJsonInTwoHalvesIsWhatOneReaderWrites) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  constexpr int kEvents = 41;
  for (int seq = 1; seq <= kEvents; ++seq) {
    // Another session's events between this one's: the halves are by seq.
    store->ingest(std::vector{make_entry(kA, seq, "instrument.read", {{"channel", "dmm.v"}, {"value", seq * 0.5}}, "dmm")},
                  1);
    store->ingest(std::vector{make_entry(kC, seq, seq % 2 ? "custom.odd" : "custom.even", {{"n", seq}})}, 1);
  }
  const auto one_reader = [&](const EventQuery& query) {
    std::string text;
    store->for_each_event(query, [&](const StoredEventView& event) {
      if (!text.empty()) text += ',';
      append_json(text, event);
    });
    return text;
  };
  for (const bool newest_first : {false, true}) {
    for (const int limit : {1, 2, 3, 20, 21, 40, 41, 42, 81, 82, 100}) {
      const EventQuery query{.session_id = std::string(kA).substr(0, 8), .limit = limit, .newest_first = newest_first};
      std::string text = "[";
      int readers = 0;
      store->append_events_json(query, text, /*split_from=*/2, &readers);
      EXPECT_EQ(text, "[" + one_reader(query)) << "limit " << limit << (newest_first ? " desc" : " asc");
      // A second half exists when the session has more than limit/2 events.
      EXPECT_EQ(readers, limit >= 2 && limit / 2 < kEvents ? 2 : 1) << "limit " << limit;
    }
  }
  const EventQuery filtered{.session_id = kC, .type = "custom.odd", .limit = 30, .newest_first = true};
  std::string text;
  int readers = 0;
  store->append_events_json(filtered, text, 2, &readers);
  EXPECT_EQ(text, one_reader(filtered));
  EXPECT_EQ(readers, 1);
  EXPECT_EQ(nlohmann::json::parse("[" + text + "]").size(), 21u);
  // Below split_from: one reader.
  store->append_events_json({.session_id = kA, .limit = 30}, text, 31, &readers);
  EXPECT_EQ(readers, 1);
}

// One session's events come in its own order, newest first or not, and
// paging by a store-wide cursor still follows ids.
TEST(EventStore, ASessionsEventsInSeqOrder) {
  litmus::testing::TempDir dir;
  auto store = EventStore::open(dir.path());
  store->ingest(session_entries(kA), 1);
  store->ingest(session_entries(kC), 1);
  const auto newest = store->events({.session_id = kC, .limit = 2, .newest_first = true});
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].event.seq, 5u);
  EXPECT_EQ(newest[1].event.seq, 4u);
  const auto oldest = store->events({.session_id = kC, .limit = 2});
  EXPECT_EQ(oldest[0].event.seq, 1u);
  const auto after = store->events({.session_id = kC, .after_id = oldest[0].id, .limit = 10});
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(after.front().event.seq, 2u);
}

}  // namespace
}  // namespace litmus::store
