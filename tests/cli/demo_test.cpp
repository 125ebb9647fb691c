// `litmus demo`, the real binary: a small demo line in which every lens of
// the Metrics page finds what the line was made to show, and the same seed
// giving the same store.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

using nlohmann::json;

constexpr const char* kRuns = "400";
constexpr const char* kWindowEnd = "2026-04-05";  // the demo's runs start from 2026-01-05, over 90 days

CliOutput litmus(const std::vector<std::string>& args) { return run_cli(LITMUS_CLI_PATH, args, {{"TZ", "UTC"}}); }

// Fills `dir` with `runs` demo runs of `seed`; fails the test on error.
void demo(const std::filesystem::path& dir, const std::string& runs, const std::string& seed) {
  const CliOutput out = litmus({"demo", "--data-dir", dir.string(), "--runs", runs, "--seed", seed});
  ASSERT_EQ(out.exit_code, 0) << out.err;
}

json metrics(const std::filesystem::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), "metrics");
  args.push_back("--json");
  args.push_back("--data-dir=" + dir.string());
  const CliOutput out = litmus(args);
  EXPECT_EQ(out.exit_code, 0) << out.err;
  return json::parse(out.out);
}

class DemoLine : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    demo(data(), kRuns, "7");
  }
  static void TearDownTestSuite() { dir_.reset(); }
  static std::filesystem::path data() { return dir_->path() / "data"; }

  static std::unique_ptr<TempDir> dir_;
};
std::unique_ptr<TempDir> DemoLine::dir_;

TEST_F(DemoLine, HoldsSeveralStationsProductsLotsAndOperators) {
  const CliOutput out = litmus({"runs", "--json", "--limit", "1000", "--data-dir=" + data().string()});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const json runs = json::parse(out.out);
  ASSERT_EQ(runs.size(), 400u);
  std::set<std::string> hosts, parts, lots, operators, phases;
  for (const auto& run : runs) {
    hosts.insert(run["hostname"].get<std::string>());
    parts.insert(run["dut_part_number"].get<std::string>());
    lots.insert(run["dut_lot_number"].get<std::string>());
    operators.insert(run["operator"].get<std::string>());
    phases.insert(run["phase"].get<std::string>());
  }
  EXPECT_GE(hosts.size(), 5u);
  EXPECT_EQ(parts.size(), 5u);
  EXPECT_GE(lots.size(), 8u);
  EXPECT_GE(operators.size(), 6u);
  EXPECT_EQ(phases, (std::set<std::string>{"development", "production", "validation"}));
}

TEST_F(DemoLine, RetestsLiftTheFinalYieldAboveTheFirstPass) {
  const json summary = metrics(data(), {"summary"});
  const double first = summary["first_pass_yield"];
  const double final_yield = summary["final_yield"];
  EXPECT_LT(first, final_yield);
  EXPECT_LT(final_yield, 1.0);
  EXPECT_GT(first, 0.8);
  EXPECT_GT(summary["failed"].get<int>(), 0);
  EXPECT_GT(summary["errored"].get<int>(), 0);
  EXPECT_GT(summary["duration"]["max_s"].get<double>(), 2 * summary["duration"]["min_s"].get<double>());
  EXPECT_GE(metrics(data(), {"trend", "--period", "week"})["points"].size(), 12u);
}

TEST_F(DemoLine, MostMeasurementsAreCapableAndADriftingOneIsNot) {
  const json cpk = metrics(data(), {"cpk"});
  int defined = 0, capable = 0;
  double drifting = 99;  // line B's ripple, the worst of its vector rows
  for (const auto& row : cpk["rows"]) {
    if (row["cpk"].is_null()) continue;
    ++defined;
    capable += row["cpk"].get<double>() >= 1.33;
    if (row["name"] == "ripple_mv" && row["station"] == "line-b-eol") drifting = std::min(drifting, row["cpk"].get<double>());
  }
  ASSERT_GT(defined, 50);
  EXPECT_GT(capable, defined * 3 / 4) << capable << " of " << defined;
  EXPECT_LT(drifting, 1.0);
  EXPECT_LT(cpk["rows"][0]["cpk"].get<double>(), 1.0);  // worst first
}

TEST_F(DemoLine, TheFlakyFixtureShowsAsNoFaultFoundAndInThePareto) {
  const json retest = metrics(data(), {"retest", "--period", "week"});
  ASSERT_FALSE(retest["no_fault_found"].empty());
  const bool on_line_c = std::any_of(retest["no_fault_found"].begin(), retest["no_fault_found"].end(),
                                     [](const json& row) { return row["station"] == "line-c-eol"; });
  EXPECT_TRUE(on_line_c) << retest["no_fault_found"].dump(1);
  int retested = 0;
  for (const auto& period : retest["periods"]) retested += period["retested"].get<int>();
  EXPECT_GT(retested, 0);

  for (const char* group_by : {"product", "step", "measurement"}) {
    const json pareto = metrics(data(), {"pareto", "--group-by", group_by});
    EXPECT_GT(pareto["total_failures"].get<int>(), 0) << group_by;
    EXPECT_GE(pareto["rows"].size(), 3u) << group_by;
  }
  const json steps = metrics(data(), {"pareto", "--group-by", "step"});
  const bool i2c = std::any_of(steps["rows"].begin(), steps["rows"].end(),
                               [](const json& row) { return row["label"] == "Comms/I2c"; });
  EXPECT_TRUE(i2c) << steps.dump(1);

  double failed_s = 0;
  const json time_loss = metrics(data(), {"time-loss", "--period", "week"});
  for (const auto& period : time_loss["periods"]) {
    failed_s += period["failed_s"].get<double>();
  }
  EXPECT_GT(failed_s, 0);
}

TEST_F(DemoLine, AnInstrumentsCalibrationLapsesInTheWindow) {
  const json assets = metrics(data(), {"assets", "--until", kWindowEnd});
  ASSERT_GE(assets["rows"].size(), 10u);
  int lapsed = 0;
  for (const auto& row : assets["rows"]) {
    EXPECT_FALSE(row["serial"].get<std::string>().empty()) << row.dump();
    const std::string due = row["calibration_due"];
    ASSERT_FALSE(due.empty()) << row.dump();
    lapsed += due < kWindowEnd;
  }
  EXPECT_EQ(lapsed, 1) << assets.dump(1);
}

TEST_F(DemoLine, RefusesADataDirThatHoldsAStore) {
  const CliOutput out = litmus({"demo", "--data-dir", data().string(), "--runs", "5"});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("already exists"), std::string::npos) << out.err;
}

TEST(Demo, TheSameSeedGivesTheSameStore) {
  const TempDir dir;
  demo(dir / "a", "120", "3");
  demo(dir / "b", "120", "3");
  demo(dir / "c", "120", "4");
  const auto answers = [](const std::filesystem::path& data) {
    const CliOutput runs = litmus({"runs", "--json", "--limit", "1000", "--data-dir=" + data.string()});
    EXPECT_EQ(runs.exit_code, 0) << runs.err;
    return std::make_pair(metrics(data, {"summary", "--phase", "*"}).dump(), runs.out);
  };
  const auto a = answers(dir / "a");
  EXPECT_EQ(a, answers(dir / "b"));
  const auto c = answers(dir / "c");
  EXPECT_NE(a.first, c.first);
  EXPECT_NE(a.second, c.second);
}

TEST(Demo, GenerateDataStillNamesIt) {
  const TempDir dir;
  const CliOutput out = litmus({"generate-data", "--data-dir", (dir / "data").string(), "--runs", "20",
                                "--measurements", "1000"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("measurements:  1000\n"), std::string::npos) << out.out;
}

}  // namespace
}  // namespace litmus::testing
