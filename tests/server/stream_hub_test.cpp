// The live stream's bookkeeping without sockets: a fake client records what
// it is sent and drains when the test says so.

#include "server/stream_hub.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

class FakeClient : public server::StreamClient {
 public:
  void send(std::shared_ptr<const std::string> bytes) override {
    queued += bytes->size();
    received += *bytes;
  }
  std::size_t queued_bytes() const override { return queued; }
  void close() override { closed = true; }

  // Event ids in the order received.
  std::vector<std::int64_t> ids() const {
    std::vector<std::int64_t> out;
    static const std::regex id_line("(^|\n)id: (\\d+)\n");
    for (std::sregex_iterator it(received.begin(), received.end(), id_line), end; it != end; ++it) {
      out.push_back(std::stoll((*it)[2]));
    }
    return out;
  }

  std::size_t queued = 0;
  std::string received;
  bool closed = false;
};

std::vector<std::int64_t> range(std::int64_t first, std::int64_t last) {
  std::vector<std::int64_t> out;
  for (auto id = first; id <= last; ++id) out.push_back(id);
  return out;
}

class StreamHubTest : public ::testing::Test {
 protected:
  StreamHubTest() : store_(store::EventStore::open(dir_.path())) { fill_store(*store_); }

  // Lets the hub hand `client` its next page, as the socket would.
  void drain(server::StreamHub& hub, server::StreamHub::ClientId id, FakeClient& client) {
    client.queued = 0;
    hub.drained(id);
  }

  static std::shared_ptr<FakeClient> attach_live(server::StreamHub& hub) {
    auto client = std::make_shared<FakeClient>();
    hub.attach(client, std::nullopt);
    return client;
  }

  // Events of a third session, appended after the fixture's.
  void append(std::uint64_t first_seq, std::uint64_t count) {
    std::vector<JournalEntry> entries;
    for (std::uint64_t seq = first_seq; seq < first_seq + count; ++seq) {
      entries.push_back(make_entry("bbbbbbbb-0000-4000-8000-000000000003", seq, "test.note", {{"n", seq}}));
    }
    store_->ingest(entries, 1);
  }

  TempDir dir_;
  std::unique_ptr<store::EventStore> store_;
};

TEST_F(StreamHubTest, FormatsOneSseFramePerEventWithTheJsonOnOneLine) {
  store::EventQuery query;
  query.limit = 1;
  const std::string frame = server::format_sse(store_->events(query));
  EXPECT_TRUE(frame.starts_with("id: 1\nevent: event\ndata: {"));
  EXPECT_TRUE(frame.ends_with("}\n\n"));
  EXPECT_EQ(std::count(frame.begin(), frame.end(), '\n'), 4);
}

TEST_F(StreamHubTest, NoCursorStartsAtNow) {
  server::StreamHub hub(*store_);
  const auto client = attach_live(hub);
  EXPECT_TRUE(client->received.empty());
  append(1, 2);
  hub.publish();
  const auto max = store_->max_event_id();
  EXPECT_EQ(client->ids(), range(max - 1, max));
}

TEST_F(StreamHubTest, CursorReplaysThenGoesLiveWithoutDuplicates) {
  const auto before = store_->max_event_id();
  server::StreamHub hub(*store_);
  auto client = std::make_shared<FakeClient>();
  const auto id = hub.attach(client, 40);
  EXPECT_EQ(client->ids(), range(41, before));
  append(1, 3);  // committed, not yet published: must come once, via publish()
  drain(hub, id, *client);
  hub.publish();
  EXPECT_EQ(client->ids(), range(41, before + 3));
}

TEST_F(StreamHubTest, LongReplayComesInPagesAsTheClientDrains) {
  append(1, 1200);
  const auto max = store_->max_event_id();
  server::StreamHub hub(*store_);
  auto client = std::make_shared<FakeClient>();
  const auto id = hub.attach(client, 0);
  EXPECT_EQ(client->ids().size(), 500u);
  const auto other = attach_live(hub);  // a live client meanwhile
  append(1201, 5);
  hub.publish();
  EXPECT_EQ(other->ids(), range(max + 1, max + 5));
  EXPECT_EQ(client->ids().size(), 500u);  // not yet drained: nothing more
  for (int i = 0; i < 5; ++i) drain(hub, id, *client);
  EXPECT_EQ(client->ids(), range(1, max + 5));
}

TEST_F(StreamHubTest, ACursorBeyondTheStoreStartsAtNow) {
  server::StreamHub hub(*store_);
  auto client = std::make_shared<FakeClient>();
  hub.attach(client, 1'000'000);
  append(1, 1);
  hub.publish();
  EXPECT_EQ(client->ids(), std::vector<std::int64_t>{store_->max_event_id()});
}

TEST_F(StreamHubTest, GoneClientsAreForgottenAndStuckOnesCutOff) {
  server::StreamHub hub(*store_);
  attach_live(hub);  // and dropped at once: the client went away
  const auto stuck = attach_live(hub);
  stuck->queued = std::size_t{64} << 20;
  append(1, 1);
  hub.publish();
  EXPECT_TRUE(stuck->closed);
  EXPECT_EQ(hub.client_count(), 0u);
}

TEST_F(StreamHubTest, HeartbeatGoesToIdleClients) {
  server::StreamHub hub(*store_);
  const auto idle = attach_live(hub);
  const auto busy = attach_live(hub);
  busy->queued = 10;
  hub.heartbeat();
  EXPECT_EQ(idle->received, ": ping\n\n");
  EXPECT_EQ(busy->received, "");
}

}  // namespace
}  // namespace litmus::testing
