// The test YAML: the find_limit cascade (profiles first, then test, suite,
// file), retry policy inheritance, sweeps, and what searched_places says
// (data-driven tables).
#include "config/test_config.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "config/write_file.hpp"
#include "support/temp_dir.hpp"

namespace litmus::config {
namespace {

// The low of each limit says its level: file 1, file profile 10, suite 3,
// suite profile 30, test 5, test profile 50.
constexpr const char* kTestYaml = R"(limits:
  a: {low: 1, high: 2}
  b: {low: 1, high: 2}
  c: {low: 1, high: 2}
  d: {low: 1, high: 2}
retry: {max_retries: 1, delay: 0.1}
profiles:
  hot:
    limits:
      d: {low: 10, high: 20}
      e: {low: 10, high: 20}
tests:
  Power:
    limits:
      b: {low: 3, high: 4}
      c: {low: 3, high: 4}
    retry: {max_retries: 2}
    profiles:
      hot:
        limits:
          c: {low: 30, high: 40}
    tests:
      RailWithinSpec:
        sweeps: [{vin: [3.3, 5.0, 5.5]}]
        limits:
          c: {low: 5, high: 6}
          b: {low: 5, high: 6}
        profiles:
          hot: {limits: {a: {low: 50, high: 60}}}
      Glitchy:
        retry: {max_retries: 3, delay: 0.05}
  Other:
    tests:
      Plain:
)";

class TestYaml : public ::testing::Test {
 protected:
  void SetUp() override {
    litmus::testing::write_file(dir_ / "tests/test_power.yaml", kTestYaml);
    config_ = load_test_config(dir_ / "tests/test_power.yaml");
  }
  litmus::testing::TempDir dir_;
  TestConfig config_;
};

struct CascadeCase {
  const char* suite;
  const char* test;
  const char* profile;
  const char* name;
  std::optional<double> low;  // nullopt: no limit found
};

TEST_F(TestYaml, FindLimitCascade) {
  const CascadeCase cases[] = {
      {"Power", "RailWithinSpec", "", "a", 1},             // file
      {"Power", "RailWithinSpec", "", "b", 5},             // test beats suite and file
      {"Power", "Glitchy", "", "b", 3},                    // suite beats file
      {"Power", "RailWithinSpec", "hot", "a", 50},         // test profile beats file limits
      {"Power", "RailWithinSpec", "hot", "c", 30},         // suite profile beats test limits
      {"Power", "Glitchy", "hot", "d", 10},                // file profile beats file limits
      {"Power", "RailWithinSpec", "hot", "e", 10},         // only in a profile
      {"Power", "RailWithinSpec", "", "e", std::nullopt},  // ... so not without it
      {"Power", "RailWithinSpec", "cold", "a", 1},         // a profile no level defines
      {"Other", "Plain", "", "b", 1},
      {"Other", "Plain", "hot", "c", 1},  // suite profile of another suite
      {"Missing", "Nope", "", "a", 1},    // not in the file: file level still applies
      {"Power", "RailWithinSpec", "", "zz", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.suite) + "/" + c.test + " profile '" + c.profile + "' " + c.name);
    const LimitSpec* spec = find_limit(config_, c.suite, c.test, c.profile, c.name);
    ASSERT_EQ(spec != nullptr, c.low.has_value());
    if (spec) {
      EXPECT_EQ(spec->limit.low, c.low);
    }
  }
}

TEST_F(TestYaml, LimitOriginsNameFileLineAndKey) {
  const LimitSpec* spec = find_limit(config_, "Power", "RailWithinSpec", "", "b");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->origin,
            (dir_ / "tests/test_power.yaml").string() + ":27 (tests.Power.tests.RailWithinSpec.limits.b)");
}

TEST_F(TestYaml, RetryInheritance) {
  struct RetryCase {
    const char* suite;
    const char* test;
    int max_retries;
    double delay_s;
  };
  const RetryCase cases[] = {
      {"Power", "RailWithinSpec", 2, 0.0},  // suite's
      {"Power", "Glitchy", 3, 0.05},        // test's own
      {"Other", "Plain", 1, 0.1},           // file's
      {"Missing", "Nope", 1, 0.1},
  };
  for (const auto& c : cases) {
    const RetryPolicy retry = retry_for(config_, c.suite, c.test);
    EXPECT_EQ(retry.max_retries, c.max_retries) << c.suite << "/" << c.test;
    EXPECT_DOUBLE_EQ(retry.delay_s, c.delay_s) << c.suite << "/" << c.test;
  }
  litmus::testing::write_file(dir_ / "empty.yaml", "");
  EXPECT_EQ(retry_for(load_test_config(dir_ / "empty.yaml"), "A", "B").max_retries, 0);
}

TEST_F(TestYaml, SweepsExpandToVectors) {
  const TestEntry& rail = config_.suites.at("Power").tests.at("RailWithinSpec");
  EXPECT_TRUE(rail.has_sweeps);
  ASSERT_EQ(rail.vectors.size(), 3u);
  EXPECT_EQ(rail.vectors[1], (VectorRow{{"vin", 5.0}}));
  const TestEntry& glitchy = config_.suites.at("Power").tests.at("Glitchy");
  EXPECT_FALSE(glitchy.has_sweeps);
  EXPECT_TRUE(glitchy.vectors.empty());
  EXPECT_TRUE(config_.suites.at("Other").tests.count("Plain"));
}

TEST_F(TestYaml, SearchedPlaces) {
  const std::string file = (dir_ / "tests/test_power.yaml").string();
  struct PlacesCase {
    const char* suite;
    const char* test;
    const char* profile;
    std::string expected;
  };
  const PlacesCase cases[] = {
      {"Power", "RailWithinSpec", "hot", file + " (file, suite Power, test Power/RailWithinSpec, profile hot)"},
      {"Power", "RailWithinSpec", "", file + " (file, suite Power, test Power/RailWithinSpec)"},
      {"Power", "Nope", "", file + " (file, suite Power); it has no entry tests.Power.tests.Nope"},
      {"Nope", "X", "hot", file + " (file, profile hot); it has no entry tests.Nope"},
  };
  for (const auto& c : cases) EXPECT_EQ(searched_places(config_, c.suite, c.test, c.profile), c.expected);
}

}  // namespace
}  // namespace litmus::config
