#pragma once
// The command line and LITMUS_* variables of a test program (SPEC B1).
// A flag wins over its variable; litmus.yaml defaults (default_station,
// default_fixture, default_profile) apply later, in the Runner.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace litmus::gtest_runner {

struct RunOptions {
  std::string station;
  std::string dut_serial;
  std::string dut_part_number;
  std::string dut_revision;
  std::string dut_lot_number;
  std::string product;
  std::string fixture;
  std::string operator_name;
  std::string test_phase;
  std::string test_profile;
  std::optional<double> guardband_pct;  // 0 <= x < 100
  // --mock-instruments / --no-mock-instruments / LITMUS_MOCK_INSTRUMENTS;
  // unset: litmus.yaml decides.
  std::optional<bool> mock_instruments;
  // --instrument-timeout: how long to wait for a resource another process
  // holds (0: fail at once).
  double instrument_timeout_s = 0;
  bool allow_overdue_calibration = false;
  // Copy the program's stdout/stderr into run.output events
  // (--no-output-capture / LITMUS_OUTPUT_CAPTURE=0 turn it off).
  bool capture_output = true;
  std::filesystem::path data_dir;
  std::filesystem::path project_dir;
  // The test YAML for every test of the program, instead of the
  // <source>.yaml beside each test's source.
  std::filesystem::path test_config;
  bool help = false;
};

struct ParsedCommandLine {
  RunOptions options;
  // argv without Litmus' flags, for testing::InitGoogleTest.
  std::vector<std::string> remaining;
};

// Throws litmus::Error naming the flag or variable on a bad value.
ParsedCommandLine parse_run_options(int argc, const char* const* argv);

// One line per flag with its variable, for --help.
std::string run_options_help();

}  // namespace litmus::gtest_runner
