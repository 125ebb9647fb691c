// The real server on an ephemeral port: HTTP over TCP, and events emitted by
// an EventLog (as a test process would) arriving on /api/stream, including
// resuming with Last-Event-ID.

#include "server/server.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "support/http_client.hpp"
#include "litmus/event_log.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

struct Frame {
  std::int64_t id = 0;
  std::string event;
  json data;
};

// Complete frames of an SSE body; comments and the retry hint are skipped.
std::vector<Frame> parse_frames(const std::string& body) {
  std::vector<Frame> frames;
  std::size_t start = 0;
  for (auto end = body.find("\n\n"); end != std::string::npos; start = end + 2, end = body.find("\n\n", start)) {
    Frame frame;
    std::istringstream lines(body.substr(start, end - start));
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("id: ")) frame.id = std::stoll(line.substr(4));
      if (line.starts_with("event: ")) frame.event = line.substr(7);
      if (line.starts_with("data: ")) frame.data = json::parse(line.substr(6));
    }
    if (frame.id != 0) frames.push_back(std::move(frame));
  }
  return frames;
}

// An open /api/stream: collects frames until a condition holds.
class EventStream {
 public:
  EventStream(std::uint16_t port, const std::string& target, const std::string& headers = {})
      : connection_(port, target, headers) {
    while (connection_.received().find("\r\n\r\n") == std::string::npos) {
      if (!connection_.read_some(10s)) throw std::runtime_error("no response to " + target);
    }
    reply_ = split_reply(connection_.received());
  }

  const HttpReply& reply() const { return reply_; }

  // Frames so far, once `count` of them (or 10 s) have arrived.
  std::vector<Frame> wait_for(std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    for (;;) {
      auto frames = parse_frames(split_reply(connection_.received()).body);
      if (frames.size() >= count || std::chrono::steady_clock::now() > deadline) return frames;
      connection_.read_some(100ms);
    }
  }

 private:
  HttpConnection connection_;
  HttpReply reply_;
};

class ServerSocketTest : public ::testing::Test {
 protected:
  ServerSocketTest() {
    server::ServeOptions options;
    options.port = 0;
    options.data_dir = data_.path();
    options.project_root = project_.path();
    server_ = std::make_unique<server::Server>(options);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~ServerSocketTest() override {
    server_->stop();
    thread_.join();
  }

  std::uint16_t port() const { return server_->port(); }

  TempDir data_;
  TempDir project_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

TEST_F(ServerSocketTest, AnswersJsonRoutesAndTheUi) {
  const auto health = http_get(port(), "/api/health");
  ASSERT_EQ(health.status, 200);
  EXPECT_NE(health.head.find("Content-Type: application/json"), std::string::npos);
  EXPECT_EQ(json::parse(health.body)["status"], "ok");

  const auto sessions = http_get(port(), "/api/sessions");
  ASSERT_EQ(sessions.status, 200);
  EXPECT_EQ(json::parse(sessions.body)["total"], 0);

  const auto bad = http_get(port(), "/api/events?limit=0");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(json::parse(bad.body).contains("error"));

  EXPECT_EQ(http_get(port(), "/api/nowhere").status, 404);
  const auto page = http_get(port(), "/live/some-run");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.head.find("text/html"), std::string::npos);
}

TEST_F(ServerSocketTest, EmittedEventsArriveLiveAndResumeAfterLastEventId) {
  EventStream live(port(), "/api/stream");
  ASSERT_EQ(live.reply().status, 200);
  EXPECT_NE(live.reply().head.find("Content-Type: text/event-stream"), std::string::npos);

  auto log = EventLog::create({.data_dir = data_.path()});
  constexpr int kEvents = 5;
  for (int i = 1; i <= kEvents; ++i) log->emit("test.note", {{"n", i}});

  const auto frames = live.wait_for(kEvents);
  ASSERT_EQ(frames.size(), static_cast<std::size_t>(kEvents));
  for (int i = 0; i < kEvents; ++i) {
    EXPECT_EQ(frames[i].event, "event");
    EXPECT_EQ(frames[i].data["id"], frames[i].id);
    EXPECT_EQ(frames[i].data["session_id"], log->session_id());
    EXPECT_EQ(frames[i].data["payload"]["n"], i + 1);
  }

  // A reconnecting EventSource names the last id it saw; the rest follows.
  EventStream resumed(port(), "/api/stream", "Last-Event-ID: " + std::to_string(frames[1].id) + "\r\n");
  const auto rest = resumed.wait_for(kEvents - 2);
  ASSERT_EQ(rest.size(), static_cast<std::size_t>(kEvents - 2));
  for (int i = 0; i < kEvents - 2; ++i) EXPECT_EQ(rest[i].id, frames[i + 2].id);

  EventStream replay(port(), "/api/stream?cursor=0");
  EXPECT_EQ(replay.wait_for(kEvents).size(), static_cast<std::size_t>(kEvents));
}

}  // namespace
}  // namespace litmus::testing
