// What each route answers for good input, without sockets.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "litmus/version.hpp"
#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

TEST_F(RouterTest, Health) {
  const auto body = body_of(get("/api/health"));
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["version"], std::string(version()));
  EXPECT_EQ(body["data_dir"], data_.path().string());
}

TEST_F(RouterTest, SessionsNewestFirstWithTotal) {
  const auto body = body_of(get("/api/sessions?limit=1"));
  EXPECT_EQ(body["total"], 2);
  ASSERT_EQ(body["sessions"].size(), 1u);
  const auto second = body_of(get("/api/sessions?limit=1&offset=1"));
  ASSERT_EQ(second["sessions"].size(), 1u);
  EXPECT_NE(body["sessions"][0]["session_id"], second["sessions"][0]["session_id"]);
}

TEST_F(RouterTest, SessionByIdOrUniquePrefixWithInstruments) {
  const auto body = body_of(get(std::string("/api/sessions/") + kSessionB));
  EXPECT_EQ(body["session_id"], kSessionB);
  ASSERT_EQ(body["instruments"].size(), 1u);
  EXPECT_EQ(body["instruments"][0]["role"], "dmm");
  const auto by_prefix = body_of(get("/api/sessions/aaaaaaaa-0000-4000-8000-000000000001"));
  EXPECT_EQ(by_prefix["session_id"], kSessionA);
}

TEST_F(RouterTest, EventsFilteredOrderedAndPaged) {
  const auto reads = body_of(get(std::string("/api/events?type=instrument.read&role=dmm&limit=10000&session_id=") +
                                 kSessionA))["events"];
  EXPECT_EQ(reads.size(), static_cast<std::size_t>(kReads));
  const auto newest = body_of(get("/api/events?order=desc&limit=1"))["events"];
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0]["id"], store_->max_event_id());
  const auto after = body_of(get("/api/events?after=3&limit=2"))["events"];
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0]["id"], 4);
  EXPECT_EQ(after[1]["id"], 5);
  const auto prefixed = body_of(get("/api/events?type=instrument.*&limit=10000"))["events"];
  EXPECT_EQ(prefixed.size(), static_cast<std::size_t>(2 * (kReads + 1)));
}

TEST_F(RouterTest, SinceTakesNanosecondsOrIso8601) {
  // make_entry stamps seq n at n seconds after the epoch.
  const auto by_ns = body_of(get("/api/events?limit=10000&since=20000000000"))["events"];
  const auto by_iso = body_of(get("/api/events?limit=10000&since=1970-01-01T00:00:20Z"))["events"];
  const auto by_offset = body_of(get("/api/events?limit=10000&since=1970-01-01T01:00:20.000%2B01:00"))["events"];
  EXPECT_EQ(by_ns.size(), 2u * (kReads + 2 - 19));
  EXPECT_EQ(by_iso, by_ns);
  EXPECT_EQ(by_offset, by_ns);
}

TEST_F(RouterTest, ChannelListAndDecimatedSeries) {
  const auto channels = body_of(get("/api/channels"))["channels"];
  ASSERT_EQ(channels.size(), 1u);
  EXPECT_EQ(channels[0]["channel_id"], "dmm.voltage");
  const auto series = body_of(get("/api/channels/dmm.voltage?max_points=3"));
  EXPECT_EQ(series["y"].size(), 3u);
  EXPECT_EQ(series["total_points"], 2 * kReads);
  const auto last = body_of(get(std::string("/api/channels/dmm.voltage?last_n=2&session_id=") + kSessionA));
  EXPECT_EQ(last["y"].size(), 2u);
  const auto one_session = body_of(get("/api/channels/dmm.voltage?session_id=aaaaaaaa-0000-4000-8000-000000000002"));
  EXPECT_EQ(one_session["y"].size(), static_cast<std::size_t>(kReads));
}

TEST_F(RouterTest, StationsOfAProjectWithoutStations) {
  EXPECT_EQ(body_of(get("/api/stations"))["stations"], json::array());
}

TEST_F(RouterTest, StreamResumesFromCursorOrNewerLastEventId) {
  const auto fresh = get("/api/stream");
  EXPECT_TRUE(fresh.event_stream);
  EXPECT_FALSE(fresh.stream_after);
  EXPECT_EQ(get("/api/stream?cursor=7").stream_after, 7);
  EXPECT_EQ(get("/api/stream?cursor=7", {{"last-event-id", "12"}}).stream_after, 12);
}

TEST_F(RouterTest, UnknownPagesGetTheUiForClientSideRouting) {
  const auto index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type.rfind("text/html", 0), 0u);
  EXPECT_EQ(index.headers, (std::vector<std::pair<std::string, std::string>>{{"Cache-Control", "no-cache"}}));
  EXPECT_EQ(get("/channels/dmm.voltage").body, index.body);
  EXPECT_EQ(get("/assets/gone-1234.js").status, 404);
}

TEST_F(RouterTest, TheUiPageCarriesTheStreamStartingPoint) {
  // The page's live stream starts after the newest event at the time the
  // page was served, with no request of its own before the page's data.
  const std::string expected =
      "<meta name=\"litmus-event-cursor\" content=\"" + std::to_string(store_->max_event_id()) + "\" />";
  ASSERT_GT(store_->max_event_id(), 0);
  EXPECT_NE(get("/").body.find(expected), std::string::npos);
  EXPECT_NE(get("/live/some-run").body.find(expected), std::string::npos);
}

TEST_F(RouterTest, RunPagesPreloadTheRunsFirstRequests) {
  const auto preload = [](const std::string& href) {
    return "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"" + href + "\" />";
  };
  for (const std::string page : {"/results/", "/live/"}) {
    const std::string html = get(page + "abcd1234").body;
    EXPECT_NE(html.find(preload("/api/runs/abcd1234")), std::string::npos) << page;
    EXPECT_NE(html.find(preload("/api/runs/abcd1234/steps")), std::string::npos) << page;
    EXPECT_NE(html.find(preload("/api/runs/abcd1234/measurements?offset=0&limit=200")), std::string::npos) << page;
  }
  // Nothing to preload elsewhere, nor for an id that is not one plain segment.
  for (const std::string path : {"/", "/results", "/results/a%22b", "/results/a/b", "/channels/x"}) {
    EXPECT_EQ(get(path).body.find("rel=\"preload\" as=\"fetch\""), std::string::npos) << path;
  }
}

// A large array is kept in a file beside the store (store/array_files.hpp).
// If that file goes, the channel's answer is a 500 naming the array and the
// file, never other samples; the rest of the store still answers.
TEST_F(RouterTest, AnArrayWhoseFileIsGoneIsAServerErrorNamingIt) {
  JournalEntry read = make_entry(kSessionA, 100, "instrument.read",
                                 {{"channel", "scope.ch1"}, {"method", "read_waveform"}, {"x_increment", 1e-6},
                                  {"y_units", "V"}},
                                 "scope");
  read.samples = SampleBlock{"scope.ch1", std::vector<double>(10'000, 1.5), std::nullopt};  // 80 kB: a file
  store_->ingest({&read, 1}, 2);
  const json stored = body_of(get("/api/channels/scope.ch1?max_points=100"));
  ASSERT_EQ(stored["arrays"].size(), 1u);
  EXPECT_EQ(stored["arrays"][0]["length"], 10'000);
  EXPECT_EQ(stored["arrays"][0]["y"][0], 1.5);

  const auto file = data_.path() / "arrays" / kSessionA / "100.bin";
  ASSERT_TRUE(std::filesystem::remove(file));
  const auto response = get("/api/channels/scope.ch1");
  EXPECT_EQ(response.status, 500);
  const std::string error = json::parse(response.body)["error"];
  EXPECT_NE(error.find(std::string("channel://scope.ch1/") + kSessionA + "/100"), std::string::npos) << error;
  EXPECT_NE(error.find(file.string()), std::string::npos) << error;
  EXPECT_EQ(get("/api/channels/dmm.voltage").status, 200);
}

}  // namespace
}  // namespace litmus::testing
