// The lenses over a real store: filters (phase default, product, station,
// lot, window), Pareto groups, Cpk through SQL, asset time — the JSON that
// `litmus metrics` and /api/metrics/* return.
#include <gtest/gtest.h>

#include "line_builder.hpp"
#include "litmus/error.hpp"
#include "metrics/metrics_request.hpp"

namespace litmus::metrics {
namespace {

using nlohmann::json;
using testing::LineBuilder;
using testing::RunSpec;

json ask(LineBuilder& line, const std::string& lens, std::vector<std::pair<std::string, std::string>> parameters = {}) {
  const auto request = parse_metrics_request(parse_lens(lens), parameters);
  return run_metrics(line.store().db(), request, *parse_timestamp_ns("2026-12-01"));
}

class MetricsStore : public ::testing::Test {
 protected:
  void SetUp() override {
    // Production: A fails then passes, B passes (host-b, lot L2), C errors.
    // Development: D passes (left out by default).
    line_.add({.serial = "A", .start = "2026-11-02T08:00:00Z", .outcome = "failed",
               .steps = {{.path = "Power/Rail", .outcome = "failed",
                          .measurements = {{"v_rail", 3.5, 3.2, 3.4, "failed"}}},
                         {.path = "Comms/Uart", .outcome = "passed"}}})
        .add({.serial = "A", .start = "2026-11-02T09:00:00Z",
              .steps = {{.path = "Power/Rail", .measurements = {{"v_rail", 3.30, 3.2, 3.4}}},
                        {.path = "Comms/Uart"}}})
        .add({.serial = "B", .start = "2026-11-03T08:00:00Z", .hostname = "host-b", .lot = "L2",
              .steps = {{.path = "Power/Rail", .measurements = {{"v_rail", 3.32, 3.2, 3.4}}},
                        {.path = "Comms/Uart"}}})
        .add({.serial = "C", .start = "2026-11-03T09:00:00Z", .outcome = "errored", .part_number = "PN-2",
              .steps = {{.path = "Power/Rail", .outcome = "errored"}}})
        .add({.serial = "D", .start = "2026-11-03T10:00:00Z", .phase = "development"});
  }
  LineBuilder line_;
};

TEST_F(MetricsStore, SummaryLeavesDevelopmentOutUnlessAsked) {
  const json s = ask(line_, "summary");
  EXPECT_EQ(s["runs"], 4);
  EXPECT_EQ(s["failed"], 1);
  EXPECT_EQ(s["errored"], 1);
  EXPECT_EQ(s["serials"], 3);
  EXPECT_DOUBLE_EQ(s["first_pass_yield"].get<double>(), 1.0 / 3);  // B
  EXPECT_DOUBLE_EQ(s["final_yield"].get<double>(), 2.0 / 3);       // A, B
  EXPECT_EQ(s["metric"], "summary");
  EXPECT_EQ(ask(line_, "summary", {{"phase", "*"}})["runs"], 5);
  EXPECT_EQ(ask(line_, "summary", {{"phase", "development"}})["runs"], 1);
  EXPECT_EQ(ask(line_, "summary", {{"phase", "production,development"}})["runs"], 5);
}

TEST_F(MetricsStore, FiltersNarrowTheRuns) {
  EXPECT_EQ(ask(line_, "summary", {{"product", "PN-2"}})["runs"], 1);
  EXPECT_EQ(ask(line_, "summary", {{"station", "host-b"}})["runs"], 1);
  EXPECT_EQ(ask(line_, "summary", {{"lot", "L1"}})["runs"], 3);
  EXPECT_EQ(ask(line_, "summary", {{"since", "2026-11-03"}})["runs"], 2);  // B, C
  EXPECT_EQ(ask(line_, "summary", {{"until", "2026-11-03"}})["runs"], 2);  // A twice; until is exclusive
  EXPECT_EQ(ask(line_, "summary", {{"since", "2026-11-10"}})["first_pass_yield"], nullptr);
}

TEST_F(MetricsStore, ParetoByProductStepAndMeasurement) {
  const json products = ask(line_, "pareto");
  EXPECT_EQ(products["total_failures"], 1);
  ASSERT_EQ(products["rows"].size(), 1u);
  EXPECT_EQ(products["rows"][0]["label"], "PN-1");
  EXPECT_DOUBLE_EQ(products["rows"][0]["fail_rate"].get<double>(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(products["rows"][0]["cumulative_share"].get<double>(), 1.0);

  const json steps = ask(line_, "pareto", {{"group_by", "step"}});
  ASSERT_EQ(steps["rows"].size(), 1u);
  EXPECT_EQ(steps["rows"][0]["label"], "Power/Rail");
  EXPECT_EQ(steps["rows"][0]["total"], 4);  // A twice, B, C

  const json measurements = ask(line_, "pareto", {{"group_by", "measurement"}});
  ASSERT_EQ(measurements["rows"].size(), 1u);
  EXPECT_EQ(measurements["rows"][0]["label"], "Power/Rail: v_rail");
  EXPECT_EQ(measurements["rows"][0]["failures"], 1);
  EXPECT_EQ(measurements["rows"][0]["total"], 3);
}

TEST_F(MetricsStore, CpkPerMeasurementAndStationFromTheStore) {
  const json cpk = ask(line_, "cpk", {{"min_samples", "2"}});
  ASSERT_EQ(cpk["rows"].size(), 2u);
  // host-a: A's 3.5 and 3.30, mean 3.4, s = 0.1414: Cpk = min(0, 0.2) / 3s = 0.
  const json& a = cpk["rows"][0];
  EXPECT_EQ(a["station"], "host-a");
  EXPECT_EQ(a["step_path"], "Power/Rail");
  EXPECT_EQ(a["n"], 2);
  EXPECT_EQ(a["runs"], 2);
  EXPECT_NEAR(a["mean"].get<double>(), 3.4, 1e-12);
  EXPECT_NEAR(a["sigma_overall"].get<double>(), 0.1414213562373095, 1e-12);
  EXPECT_NEAR(a["cpk"].get<double>(), 0, 1e-9);
  EXPECT_NEAR(a["cp"].get<double>(), 0.2 / (6 * 0.1414213562373095), 1e-9);
  EXPECT_EQ(a["lsl"], 3.2);
  EXPECT_EQ(a["usl"], 3.4);
  // host-b: one value, below min_samples: listed last, without indices.
  const json& b = cpk["rows"][1];
  EXPECT_EQ(b["station"], "host-b");
  EXPECT_EQ(b["cpk"], nullptr);
  EXPECT_EQ(b["undefined_reason"], "not enough data (n < 2)");
}

TEST_F(MetricsStore, TrendRetestAndTimeLossPerDay) {
  const json trend = ask(line_, "trend", {{"period", "day"}});
  ASSERT_EQ(trend["points"].size(), 2u);
  EXPECT_EQ(trend["points"][0]["period"], "2026-11-02");
  EXPECT_DOUBLE_EQ(trend["points"][0]["yield"].get<double>(), 0.5);
  EXPECT_EQ(trend["points"][1]["runs"], 2);  // B, C (D is development)

  const json retest = ask(line_, "retest");
  ASSERT_EQ(retest["periods"].size(), 2u);
  EXPECT_EQ(retest["periods"][0]["retested"], 1);  // A
  ASSERT_EQ(retest["no_fault_found"].size(), 1u);
  EXPECT_EQ(retest["no_fault_found"][0]["serial"], "A");

  const json loss = ask(line_, "time-loss", {{"period", "week"}});
  ASSERT_EQ(loss["periods"].size(), 1u);
  EXPECT_DOUBLE_EQ(loss["periods"][0]["failed_s"].get<double>(), 60);
  EXPECT_DOUBLE_EQ(loss["periods"][0]["passed_s"].get<double>(), 120);
  EXPECT_DOUBLE_EQ(loss["periods"][0]["errored_s"].get<double>(), 60);
}

TEST(MetricsAssets, ConnectedTimeAndShareWithAnOpenConnectionEndingAtTheWindow) {
  LineBuilder line;
  line.add({.serial = "A", .start = "2026-11-02T08:00:00Z",
            .instruments = {{"dmm", "TCPIP::10.0.0.5::5025::SOCKET", 0, 60, "MY1", "2027-01-31"},
                            {"psu", "TCPIP::10.0.0.6::5025::SOCKET", 0, 20, "DP1", "2026-12-01"}}})
      .add({.serial = "B", .start = "2026-11-02T09:00:00Z",
            .instruments = {{"dmm", "TCPIP::10.0.0.5::5025::SOCKET", 0, std::nullopt, "MY1", "2027-01-31"}}});
  const auto request = parse_metrics_request(Lens::assets, {{"until", "2026-11-02T09:01:40Z"}});
  const json assets = run_metrics(line.store().db(), request, 0);
  ASSERT_EQ(assets["rows"].size(), 2u);
  const json& dmm = assets["rows"][0];
  EXPECT_EQ(dmm["role"], "dmm");
  EXPECT_EQ(dmm["sessions"], 2);
  EXPECT_DOUBLE_EQ(dmm["connected_s"].get<double>(), 160);  // 60 + the open one until the window's end (100)
  EXPECT_DOUBLE_EQ(dmm["share"].get<double>(), 160.0 / 180);
  EXPECT_EQ(dmm["serial"], "MY1");
  EXPECT_EQ(dmm["calibration_due"], "2027-01-31");
  EXPECT_DOUBLE_EQ(assets["rows"][1]["connected_s"].get<double>(), 20);
  EXPECT_DOUBLE_EQ(assets["connected_s"].get<double>(), 180);
}

TEST_F(MetricsStore, BadParametersSayWhatIsExpected) {
  const auto fails_with = [](const std::string& name, const std::string& value, const std::string& text) {
    try {
      parse_metrics_request(Lens::trend, {{name, value}});
      ADD_FAILURE() << name << "=" << value << " was accepted";
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
    }
  };
  fails_with("period", "year", "period 'year': expected day, week or month");
  fails_with("group_by", "lot", "group_by 'lot': expected product, step or measurement");
  fails_with("top", "0", "top '0': expected a whole number from 1 to 1000");
  fails_with("min_samples", "x", "min_samples 'x'");
  fails_with("since", "yesterday", "since 'yesterday': expected a date (2026-11-28), ISO-8601");
  fails_with("colour", "red", "unknown parameter 'colour'");
  fails_with("phase", "*,production", "cannot be combined");
  EXPECT_THROW(parse_metrics_request(Lens::trend, {{"since", "2026-11-03"}, {"until", "2026-11-02"}}), Error);
  EXPECT_THROW(parse_lens("yield"), Error);
  EXPECT_EQ(parse_lens("time_loss"), Lens::time_loss);
}

}  // namespace
}  // namespace litmus::metrics
