// A writer program and `litmus serve` in separate processes: what the
// tutorial program writes, the server's API returns — the README's curl
// commands, checked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class TwoProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = testing::free_port();
    server_ = std::make_unique<testing::Process>(std::vector<std::string>{
        LITMUS_BIN, "serve", "--port", std::to_string(port_), "--data-dir", data_.path().string(), "--project",
        DEMO_PROJECT});
    ASSERT_TRUE(testing::wait_until_serving(port_, 20s)) << "litmus serve did not answer on port " << port_;
  }

  std::string run_tutorial() {
    testing::Process tutorial({TUTORIAL_BIN}, {{"LITMUS_HOME", data_.path().string()}, {"LITMUS_PROJECT", DEMO_PROJECT}});
    const std::string out = tutorial.read_all();
    EXPECT_EQ(tutorial.wait(), 0) << out;
    const auto at = out.find("Session ID: ");
    EXPECT_NE(at, std::string::npos) << out;
    return out.substr(at + 12, 36);
  }

  json get_json(const std::string& target, int expected_status = 200) {
    const auto response = testing::http_get(port_, target);
    EXPECT_EQ(response.status, expected_status) << target << ": " << response.body;
    return json::parse(response.body, nullptr, false);
  }

  testing::TempDir data_;
  std::uint16_t port_ = 0;
  std::unique_ptr<testing::Process> server_;
};

TEST_F(TwoProcess, WhatTheTutorialWritesTheServerReturns) {
  const std::string session_id = run_tutorial();

  json sessions;
  for (int i = 0; i < 100; ++i) {  // the server may be a beat behind the store
    sessions = get_json("/api/sessions");
    if (!sessions["sessions"].empty()) break;
    std::this_thread::sleep_for(50ms);
  }
  ASSERT_EQ(sessions["sessions"].size(), 1u);
  EXPECT_EQ(sessions["sessions"][0]["session_id"], session_id);
  EXPECT_EQ(sessions["sessions"][0]["station"], "bench_1");
  EXPECT_EQ(sessions["sessions"][0]["outcome"], "passed");

  const json one = get_json("/api/sessions/" + session_id.substr(0, 8));
  EXPECT_EQ(one["session_id"], session_id);
  EXPECT_EQ(one["instruments"].size(), 2u);

  const json events = get_json("/api/events?session_id=" + session_id)["events"];
  ASSERT_GE(events.size(), 6u);
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i]["seq"], i + 1);
  json dmm_read;
  json scope_read;
  for (const auto& e : events) {
    if (e["type"] != "instrument.read") continue;
    (e["role"] == "dmm" ? dmm_read : scope_read) = e;
  }
  ASSERT_TRUE(dmm_read.is_object());
  EXPECT_TRUE(dmm_read["payload"]["value"].is_number());
  EXPECT_EQ(dmm_read["payload"]["channel"], "dmm.voltage");
  ASSERT_TRUE(scope_read.is_object());
  EXPECT_EQ(scope_read["payload"]["value"]["_ref"],
            "channel://scope.ch1/" + session_id + "/" + std::to_string(scope_read["seq"].get<int>()));
  EXPECT_EQ(scope_read["payload"]["value"]["length"], 1000);

  const json channels = get_json("/api/channels")["channels"];
  std::vector<std::string> ids;
  for (const auto& c : channels) ids.push_back(c["channel_id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "dmm.voltage"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "scope.ch1"), ids.end());

  const json wave = get_json("/api/channels/scope.ch1?max_points=500");
  ASSERT_EQ(wave["arrays"].size(), 1u);
  const json& array = wave["arrays"][0];
  EXPECT_EQ(array["length"], 1000);
  ASSERT_EQ(array["y"].size(), 500u);
  EXPECT_EQ(array["x"][0], array["x_origin"]);  // first point kept
  EXPECT_DOUBLE_EQ(array["x"][499].get<double>(),
                   array["x_origin"].get<double>() + 999 * array["x_increment"].get<double>());  // and the last
}

TEST_F(TwoProcess, ACrashedWriterIsClosedAbortedWhileTheServerRuns) {
  testing::Process writer({CRASH_WRITER_PATH, data_.path().string()});
  std::string out;
  while (out.find("\n5\n") == std::string::npos) {
    const std::string more = writer.read_some(5s);
    ASSERT_FALSE(more.empty()) << "writer produced no events";
    out += more;
  }
  const std::string session_id = out.substr(out.find("session ") + 8, 36);
  writer.kill(SIGKILL);
  writer.wait();
  json session;
  for (int i = 0; i < 300; ++i) {  // the server's recovery loop runs every few seconds
    const auto response = testing::http_get(port_, "/api/sessions/" + session_id);
    session = json::parse(response.body, nullptr, false);
    if (session.is_object() && session.value("outcome", "") == "aborted") break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(session.value("outcome", ""), "aborted");
  EXPECT_EQ(session.value("synthetic_end", false), true);
}

}  // namespace
}  // namespace litmus
