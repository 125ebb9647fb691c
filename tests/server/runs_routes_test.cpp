// The run routes behind the Results screens and ACTIVE TESTS, without
// sockets, over the sample runs of store/sample_runs.hpp.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server_fixture.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

std::vector<std::string> run_ids(const json& runs) {
  std::vector<std::string> ids;
  for (const auto& run : runs) ids.push_back(run["run_id"]);
  return ids;
}

constexpr std::int64_t kSecond = 1'000'000'000;

TEST_F(RunsRouterTest, RunsNewestFirstWithStatsAndPaging) {
  const auto body = body_of(get("/api/runs"));
  EXPECT_EQ(run_ids(body["runs"]), (std::vector<std::string>{kRunLive, kRunAborted, kRunTie, kRunRetest,
                                                              kRunFailed, kRunPassed}));
  EXPECT_EQ(body["total"], kSampleRuns);
  EXPECT_EQ(body["offset"], 0);
  EXPECT_EQ(body["limit"], 50);
  EXPECT_EQ(body["sort"], "started");
  EXPECT_EQ(body["order"], "desc");
  EXPECT_EQ(body["stats"], (json{{"total", 6},
                                 {"passed", 2},
                                 {"failed", 1},
                                 {"errored", 1},
                                 {"aborted", 1},
                                 {"terminated", 0},
                                 {"skipped", 0},
                                 {"done", 0},
                                 {"running", 1},
                                 {"pass_rate", 2.0 / 5.0},
                                 {"latest_started_ts", 500 * kSecond}}));
  const json& live = body["runs"][0];
  EXPECT_EQ(live["outcome"], nullptr);
  EXPECT_EQ(live["ended_ts"], nullptr);
  EXPECT_EQ(live["hostname"], "host-c");
  EXPECT_EQ(live["dut_serial"], "SN-5");
  EXPECT_EQ(live["started_ts"], 500 * kSecond);

  const auto page = body_of(get("/api/runs?offset=2&limit=2"));
  EXPECT_EQ(run_ids(page["runs"]), (std::vector<std::string>{kRunTie, kRunRetest}));
  EXPECT_EQ(page["total"], kSampleRuns);  // the filters' total, not the page's
  EXPECT_EQ(page["stats"]["total"], kSampleRuns);
  EXPECT_EQ(page["offset"], 2);
  EXPECT_EQ(page["limit"], 2);
}

// Every sort in both orders: sorted by its key, then started_ts, then
// run_id, all in the requested direction; desc is asc reversed; pages of
// two add up to the whole list.
TEST_F(RunsRouterTest, EverySortInBothOrdersPagesStably) {
  const std::vector<std::pair<std::string, std::string>> keys{
      {"outcome", "outcome"},     {"serial", "dut_serial"}, {"part_number", "dut_part_number"},
      {"hostname", "hostname"},   {"project", "project"},   {"phase", "phase"},
      {"started", "started_ts"},  {"steps", "step_count"},  {"measurements", "measurement_count"}};
  for (const auto& [sort, field] : keys) {
    const auto asc = body_of(get("/api/runs?sort=" + sort + "&order=asc"));
    const auto desc = body_of(get("/api/runs?sort=" + sort + "&order=desc"));
    EXPECT_EQ(asc["sort"], sort);
    EXPECT_EQ(asc["order"], "asc");
    ASSERT_EQ(asc["runs"].size(), static_cast<std::size_t>(kSampleRuns)) << sort;
    // nlohmann orders null before strings and numbers, as SQLite orders NULL.
    auto key = [&](const json& run) { return std::tuple(run[field], run["started_ts"], run["run_id"]); };
    const json& runs = asc["runs"];
    for (std::size_t i = 1; i < runs.size(); ++i) {
      EXPECT_LT(key(runs[i - 1]), key(runs[i])) << sort << " at " << i;
    }
    auto reversed = run_ids(desc["runs"]);
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(run_ids(asc["runs"]), reversed) << sort;

    for (const char* order : {"asc", "desc"}) {
      std::vector<std::string> paged;
      for (int offset = 0; offset < kSampleRuns; offset += 2) {
        const auto page = body_of(get("/api/runs?sort=" + sort + "&order=" + order +
                                      "&limit=2&offset=" + std::to_string(offset)));
        for (const auto& id : run_ids(page["runs"])) paged.push_back(id);
      }
      EXPECT_EQ(paged, run_ids(std::string(order) == "asc" ? asc["runs"] : desc["runs"])) << sort << " " << order;
    }
  }
}

TEST_F(RunsRouterTest, SortsPutTheExpectedRunFirst) {
  auto first = [&](const std::string& query) { return body_of(get("/api/runs?" + query))["runs"][0]["run_id"]; };
  EXPECT_EQ(first("sort=outcome&order=asc"), kRunLive);  // no outcome yet sorts before any
  EXPECT_EQ(first("sort=outcome&order=desc"), kRunRetest);  // passed, the later of the two
  EXPECT_EQ(first("sort=serial&order=asc"), kRunPassed);    // SN-1, the earlier of the two
  EXPECT_EQ(first("sort=serial&order=desc"), kRunFailed);   // "SN/2": '/' sorts after '-'
  EXPECT_EQ(first("sort=hostname&order=desc"), kRunLive);   // host-c, newest
  EXPECT_EQ(first("sort=phase&order=asc"), kRunFailed);     // development
  EXPECT_EQ(first("sort=measurements&order=desc"), kRunPassed);
  EXPECT_EQ(first("sort=started&order=asc"), kRunPassed);
  // kRunRetest and kRunTie start at the same ns: run_id decides.
  const auto ids = run_ids(body_of(get("/api/runs?sort=started&order=asc&offset=2&limit=2"))["runs"]);
  EXPECT_EQ(ids, (std::vector<std::string>{kRunRetest, kRunTie}));
}

TEST_F(RunsRouterTest, FiltersApplyToRunsTotalAndStats) {
  const auto alpha = body_of(get("/api/runs?project=alpha"));
  EXPECT_EQ(run_ids(alpha["runs"]), (std::vector<std::string>{kRunLive, kRunFailed, kRunPassed}));
  EXPECT_EQ(alpha["total"], 3);
  EXPECT_EQ(alpha["stats"]["passed"], 1);
  EXPECT_EQ(alpha["stats"]["failed"], 1);
  EXPECT_EQ(alpha["stats"]["running"], 1);
  EXPECT_EQ(alpha["stats"]["pass_rate"], 0.5);

  EXPECT_EQ(run_ids(body_of(get("/api/runs?station=bench_2"))["runs"]), (std::vector<std::string>{kRunTie, kRunFailed}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?dut_serial=SN-1"))["runs"]),
            (std::vector<std::string>{kRunRetest, kRunPassed}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?dut_serial=SN%2F2"))["runs"]), (std::vector<std::string>{kRunFailed}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?phase=development"))["runs"]), (std::vector<std::string>{kRunFailed}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?outcome=aborted"))["runs"]), (std::vector<std::string>{kRunAborted}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?project=beta&phase=production&sort=serial&order=asc"))["runs"]),
            (std::vector<std::string>{kRunRetest, kRunTie}));

  const auto running = body_of(get("/api/runs?outcome=running"));
  EXPECT_EQ(run_ids(running["runs"]), (std::vector<std::string>{kRunLive}));
  EXPECT_EQ(running["stats"]["running"], 1);
  EXPECT_EQ(running["stats"]["pass_rate"], nullptr);  // none finished

  const auto none = body_of(get("/api/runs?project=nothing"));
  EXPECT_TRUE(none["runs"].empty());
  EXPECT_EQ(none["total"], 0);
  EXPECT_EQ(none["stats"]["pass_rate"], nullptr);
  EXPECT_EQ(none["stats"]["latest_started_ts"], nullptr);
  // An empty filter filters nothing.
  EXPECT_EQ(body_of(get("/api/runs?outcome=&station="))["total"], kSampleRuns);
}

// since is inclusive, until exclusive; both on the run's start.
TEST_F(RunsRouterTest, TimeWindowFiltersOnStart) {
  const auto window = body_of(get("/api/runs?since=" + std::to_string(200 * kSecond) + "&until=" +
                                  std::to_string(400 * kSecond) + "&sort=serial&order=asc"));
  EXPECT_EQ(run_ids(window["runs"]), (std::vector<std::string>{kRunRetest, kRunTie, kRunFailed}));  // "SN-3" < "SN/2"
  EXPECT_EQ(window["total"], 3);
  EXPECT_EQ(window["stats"]["errored"], 1);
  // 1970-01-01T00:06:40Z is 400 s: the aborted run starts exactly then.
  EXPECT_EQ(run_ids(body_of(get("/api/runs?since=1970-01-01T00:06:40Z"))["runs"]),
            (std::vector<std::string>{kRunLive, kRunAborted}));
  EXPECT_EQ(run_ids(body_of(get("/api/runs?until=1970-01-01T00:01:40.000000001Z"))["runs"]),
            (std::vector<std::string>{kRunPassed}));
  EXPECT_EQ(get("/api/runs?since=tomorrow").status, 400);
  const auto reversed = get("/api/runs?since=" + std::to_string(400 * kSecond) + "&until=" + std::to_string(200 * kSecond));
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("'since' must be before 'until'"), std::string::npos) << reversed.body;
}

TEST_F(RunsRouterTest, RunByPrefixWithSessionInstrumentsAndStats) {
  const auto body = body_of(get("/api/runs/C1C1C1C1"));
  EXPECT_EQ(body["run_id"], kRunPassed);
  EXPECT_EQ(body["outcome"], "passed");
  EXPECT_EQ(body["hostname"], "host-a");
  EXPECT_EQ(body["session"]["session_id"], sample_session(0));
  EXPECT_EQ(body["session"]["hostname"], "host-a");
  EXPECT_EQ(body["session"], body_of(get("/api/sessions/" + sample_session(0))));
  ASSERT_EQ(body["instruments"].size(), 1u);
  EXPECT_EQ(body["instruments"][0]["role"], "dmm");
  EXPECT_EQ(body["step_stats"], (json{{"total", 3},
                                      {"passed", 2},
                                      {"failed", 0},
                                      {"errored", 0},
                                      {"skipped", 0},
                                      {"done", 0},
                                      {"aborted", 0},
                                      {"terminated", 0},
                                      {"never_ran", 1},
                                      {"running", 0},
                                      {"pending", 0},
                                      {"attempts", 4}}));
  EXPECT_EQ(body["measurement_stats"],
            (json{{"total", 3}, {"passed", 1}, {"failed", 1}, {"errored", 0}, {"done", 1}, {"pass_rate", 0.5}}));

  // The session names no hostname: the run's environment does.
  EXPECT_EQ(body_of(get(std::string("/api/runs/") + kRunTie))["hostname"], "host-c");
  const auto live = body_of(get(std::string("/api/runs/") + kRunLive));
  EXPECT_EQ(live["step_stats"]["running"], 1);
  EXPECT_EQ(live["step_stats"]["passed"], 1);
  EXPECT_EQ(live["step_stats"]["pending"], 1);
  EXPECT_EQ(live["measurement_stats"]["pass_rate"], nullptr);
}

TEST_F(RunsRouterTest, StepsAreEveryAttemptNeverRanIncluded) {
  const auto body = body_of(get("/api/runs/c1c1c1c1/steps"));
  EXPECT_EQ(body["run_id"], kRunPassed);  // the full id for a prefix
  const json& steps = body["steps"];
  ASSERT_EQ(steps.size(), 4u);
  auto key = [](const json& s) {
    return s["step_path"].get<std::string>() + "#" + s["vector_index"].dump() + "." + s["vector_retry"].dump();
  };
  EXPECT_EQ(key(steps[0]), "Power/Rail#0.0");
  EXPECT_EQ(key(steps[1]), "Power/Rail#1.0");
  EXPECT_EQ(key(steps[2]), "Power/Rail#1.1");
  EXPECT_EQ(key(steps[3]), "Comms/Uart#0.0");
  EXPECT_EQ(steps[1]["outcome"], "failed");
  EXPECT_EQ(steps[1]["retrying"], true);
  EXPECT_EQ(steps[1]["inputs"], (json{{"v", 5.0}}));
  EXPECT_EQ(steps[3]["status"], "never_ran");
  EXPECT_EQ(steps[3]["outcome"], nullptr);
}

TEST_F(RunsRouterTest, MeasurementsInOrderAndPaged) {
  const std::string base = std::string("/api/runs/") + kRunPassed + "/measurements";
  const auto all = body_of(get(base));
  EXPECT_EQ(all["run_id"], kRunPassed);
  EXPECT_EQ(all["total"], 3);
  EXPECT_EQ(all["offset"], 0);
  EXPECT_EQ(all["limit"], 10000);
  ASSERT_EQ(all["measurements"].size(), 3u);
  EXPECT_EQ(all["measurements"][0]["name"], "v_rail");
  EXPECT_EQ(all["measurements"][1]["outcome"], "failed");
  EXPECT_EQ(all["measurements"][1]["low"], 3.2);
  EXPECT_EQ(all["measurements"][2]["name"], "i_rail");

  const auto first = body_of(get(base + "?limit=2"));
  ASSERT_EQ(first["measurements"].size(), 2u);
  EXPECT_EQ(first["total"], 3);
  const auto rest = body_of(get(base + "?offset=2&limit=2"));
  ASSERT_EQ(rest["measurements"].size(), 1u);
  EXPECT_EQ(rest["measurements"][0], all["measurements"][2]);
  EXPECT_TRUE(body_of(get(base + "?offset=5"))["measurements"].empty());
  EXPECT_EQ(body_of(get(base + "?limit=100000"))["limit"], 100000);
}

TEST_F(RunsRouterTest, ActiveWhileLiveThenEmpty) {
  const auto body = body_of(get("/api/active"));
  ASSERT_EQ(body["runs"].size(), 1u);
  EXPECT_EQ(body["runs"][0], (json{{"run_id", kRunLive},
                                   {"session_id", sample_session(5)},
                                   {"station", "bench_1"},
                                   {"hostname", "host-c"},
                                   {"dut_serial", "SN-5"},
                                   {"dut_part_number", "PN-A"},
                                   {"program", "test_board"},
                                   {"phase", "production"},
                                   {"operator", "ann"},
                                   {"started_ts", 500 * kSecond},
                                   {"steps_total", 3},
                                   {"steps_finished", 1},
                                   {"current_step", "Power/Rail"},
                                   {"dialogs_waiting", 0}}));
  end_live_run(*store_);
  EXPECT_EQ(body_of(get("/api/active")), (json{{"runs", json::array()}}));
  EXPECT_EQ(body_of(get("/api/runs"))["stats"]["running"], 0);
}

TEST_F(RunsRouterTest, DutHistoryNewestFirst) {
  const auto body = body_of(get("/api/duts/SN-1/runs"));
  EXPECT_EQ(body["serial"], "SN-1");
  EXPECT_EQ(run_ids(body["runs"]), (std::vector<std::string>{kRunRetest, kRunPassed}));
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["runs"][0]["hostname"], "host-a");
  const auto paged = body_of(get("/api/duts/SN-1/runs?offset=1&limit=1"));
  EXPECT_EQ(run_ids(paged["runs"]), (std::vector<std::string>{kRunPassed}));
  EXPECT_EQ(paged["total"], 2);

  // A serial holding '/', sent encoded or not, is one serial.
  for (const char* target : {"/api/duts/SN%2F2/runs", "/api/duts/SN/2/runs"}) {
    const auto slash = body_of(get(target));
    EXPECT_EQ(slash["serial"], "SN/2") << target;
    EXPECT_EQ(run_ids(slash["runs"]), (std::vector<std::string>{kRunFailed})) << target;
  }
  const auto unknown = body_of(get("/api/duts/NOPE/runs"));
  EXPECT_TRUE(unknown["runs"].empty());
  EXPECT_EQ(unknown["total"], 0);
}

}  // namespace
}  // namespace litmus::testing
