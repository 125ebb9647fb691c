// Flags and LITMUS_* variables of a test program (SPEC B1), table-driven.

#include "gtest/run_options.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <functional>

#include "litmus/error.hpp"

namespace litmus::gtest_runner {
namespace {

struct Case {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
  std::function<void(const ParsedCommandLine&)> check;
};

class ScopedEnv {
 public:
  explicit ScopedEnv(const std::map<std::string, std::string>& values) : values_(values) {
    for (const auto& [key, value] : values_) ::setenv(key.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    for (const auto& [key, value] : values_) ::unsetenv(key.c_str());
  }

 private:
  std::map<std::string, std::string> values_;
};

ParsedCommandLine parse(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"prog"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  return parse_run_options(static_cast<int>(argv.size()), argv.data());
}

TEST(RunOptions, FlagsVariablesAndPassThrough) {
  const std::vector<Case> cases = {
      {{"--station", "bench_2", "--dut-serial=SN1"}, {}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.station, "bench_2");
         EXPECT_EQ(p.options.dut_serial, "SN1");
       }},
      {{}, {{"LITMUS_STATION", "from_env"}, {"LITMUS_DUT_LOT_NUMBER", "L7"}}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.station, "from_env");
         EXPECT_EQ(p.options.dut_lot_number, "L7");
       }},
      {{"--station=flag"}, {{"LITMUS_STATION", "env"}}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.station, "flag");  // the flag wins
       }},
      {{"--guardband", "10"}, {}, [](const ParsedCommandLine& p) { EXPECT_EQ(p.options.guardband_pct, 10.0); }},
      {{}, {{"LITMUS_GUARDBAND", "2.5"}}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.guardband_pct, 2.5);
       }},
      {{}, {}, [](const ParsedCommandLine& p) { EXPECT_FALSE(p.options.guardband_pct.has_value()); }},
      {{"--mock-instruments"}, {}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.mock_instruments, std::optional<bool>(true));
       }},
      {{}, {{"LITMUS_MOCK_INSTRUMENTS", "yes"}}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.mock_instruments, std::optional<bool>(true));
       }},
      // --no-mock-instruments beats the variable (and litmus.yaml, later).
      {{"--no-mock-instruments"}, {{"LITMUS_MOCK_INSTRUMENTS", "1"}}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.mock_instruments, std::optional<bool>(false));
       }},
      {{}, {}, [](const ParsedCommandLine& p) {
         EXPECT_FALSE(p.options.mock_instruments.has_value());
         EXPECT_EQ(p.options.instrument_timeout_s, 0.0);
         EXPECT_FALSE(p.options.allow_overdue_calibration);
       }},
      {{"--instrument-timeout", "2.5", "--allow-overdue-calibration"}, {}, [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.instrument_timeout_s, 2.5);
         EXPECT_TRUE(p.options.allow_overdue_calibration);
       }},
      {{}, {{"LITMUS_INSTRUMENT_TIMEOUT", "7"}, {"LITMUS_ALLOW_OVERDUE_CALIBRATION", "1"}},
       [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.instrument_timeout_s, 7.0);
         EXPECT_TRUE(p.options.allow_overdue_calibration);
       }},
      {{"--gtest_filter=A.*", "--product", "board", "--gtest_repeat=2", "positional"}, {},
       [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.product, "board");
         EXPECT_EQ(p.remaining,
                   (std::vector<std::string>{"prog", "--gtest_filter=A.*", "--gtest_repeat=2", "positional"}));
       }},
      {{"--help"}, {}, [](const ParsedCommandLine& p) {
         EXPECT_TRUE(p.options.help);
         EXPECT_EQ(p.remaining, (std::vector<std::string>{"prog", "--help"}));  // GoogleTest prints its part
       }},
      {{"--test-phase", "production", "--test-profile", "hot", "--operator", "ann", "--fixture", "fx"}, {},
       [](const ParsedCommandLine& p) {
         EXPECT_EQ(p.options.test_phase, "production");
         EXPECT_EQ(p.options.test_profile, "hot");
         EXPECT_EQ(p.options.operator_name, "ann");
         EXPECT_EQ(p.options.fixture, "fx");
       }},
  };
  for (const auto& c : cases) {
    ScopedEnv env(c.env);
    SCOPED_TRACE(::testing::PrintToString(c.argv));
    c.check(parse(c.argv));
  }
}

TEST(RunOptions, BadValuesNameTheFlag) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--guardband", "abc"}, "guardband"},
      {{"--guardband", "100"}, "--guardband"},
      {{"--guardband=-1"}, "--guardband"},
      {{"--station"}, "station"},
      {{"--instrument-timeout", "-1"}, "--instrument-timeout"},
      {{"--instrument-timeout", "soon"}, "instrument-timeout"},
      {{"--mock-instruments", "--no-mock-instruments"}, "contradict"},
  };
  for (const auto& [argv, expected] : cases) {
    SCOPED_TRACE(::testing::PrintToString(argv));
    try {
      parse(argv);
      ADD_FAILURE() << "accepted";
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
    }
  }
  ScopedEnv env(std::map<std::string, std::string>{{"LITMUS_MOCK_INSTRUMENTS", "maybe"}});
  EXPECT_THROW(parse({}), Error);
}

TEST(RunOptions, HelpListsEveryFlagWithItsVariable) {
  const std::string help = run_options_help();
  for (const char* flag : {"--station", "--dut-serial", "--dut-part-number", "--dut-revision", "--dut-lot-number",
                           "--product", "--fixture", "--operator", "--test-phase", "--test-profile", "--guardband",
                           "--no-mock-instruments", "--instrument-timeout", "--allow-overdue-calibration",
                           "--mock-instruments", "--data-dir", "LITMUS_GUARDBAND", "LITMUS_DUT_SERIAL"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace litmus::gtest_runner
