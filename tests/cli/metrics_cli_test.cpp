// `litmus metrics`, the real binary on a small line: tables, --json equal to
// what the library answers, filters, and usage errors exiting 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "metrics/line_builder.hpp"
#include "support/cli_run.hpp"

namespace litmus::testing {
namespace {

using metrics::testing::LineBuilder;
using nlohmann::json;

class MetricsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    line_.add({.serial = "A", .start = "2026-11-02T08:00:00Z", .outcome = "failed",
               .steps = {{.path = "Power/Rail", .outcome = "failed",
                          .measurements = {{"v_rail", 3.5, 3.2, 3.4, "failed"}}}}})
        .add({.serial = "A", .start = "2026-11-02T09:00:00Z",
              .steps = {{.path = "Power/Rail", .measurements = {{"v_rail", 3.3, 3.2, 3.4}}}}})
        .add({.serial = "B", .start = "2026-11-03T09:00:00Z", .phase = "development"});
  }
  CliOutput litmus(std::vector<std::string> args) const {
    args.push_back("--data-dir=" + line_.data_dir().string());
    return run_cli(LITMUS_CLI_PATH, args, {{"TZ", "UTC"}});
  }
  LineBuilder line_;
};

TEST_F(MetricsCli, SummaryTableShowsYieldsWithTheirCounts) {
  const CliOutput out = litmus({"metrics", "summary"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find("First pass yield"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("0.0 %  (0 of 1 serials)"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("100.0 %  (1 of 1 serials)"), std::string::npos) << out.out;
}

TEST_F(MetricsCli, JsonAnswersLikeTheApiWithFilters) {
  const CliOutput out = litmus({"metrics", "summary", "--json", "--phase", "*"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  const json answer = json::parse(out.out);
  EXPECT_EQ(answer["metric"], "summary");
  EXPECT_EQ(answer["runs"], 3);  // development included by --phase '*'

  const json pareto = json::parse(litmus({"metrics", "pareto", "--json", "--group-by", "measurement"}).out);
  ASSERT_EQ(pareto["rows"].size(), 1u);
  EXPECT_EQ(pareto["rows"][0]["label"], "Power/Rail: v_rail");
}

TEST_F(MetricsCli, EveryLensPrintsATable) {
  for (const char* lens : {"trend", "pareto", "cpk", "retest", "time-loss", "assets"}) {
    const CliOutput out = litmus({"metrics", lens, "--min-samples", "2"});
    EXPECT_EQ(out.exit_code, 0) << lens << ": " << out.err;
    EXPECT_FALSE(out.out.empty()) << lens;
  }
  EXPECT_NE(litmus({"metrics", "retest"}).out.find("likely no fault found"), std::string::npos);
}

TEST_F(MetricsCli, BadParametersAreUsageErrors) {
  const CliOutput period = litmus({"metrics", "trend", "--period", "year"});
  EXPECT_EQ(period.exit_code, 2);
  EXPECT_NE(period.err.find("period 'year': expected day, week or month"), std::string::npos) << period.err;
  const CliOutput lens = litmus({"metrics", "yield"});
  EXPECT_EQ(lens.exit_code, 2);
  EXPECT_NE(lens.err.find("unknown metric 'yield'"), std::string::npos) << lens.err;
  EXPECT_EQ(litmus({"metrics", "summary", "--since", "tomorrow"}).exit_code, 2);
}

}  // namespace
}  // namespace litmus::testing
