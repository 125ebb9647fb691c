#include "gtest/run_options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>

#include "core/environment.hpp"
#include "litmus/error.hpp"

namespace litmus::gtest_runner {

namespace {

struct StringFlag {
  const char* flag;
  const char* env;
  std::string RunOptions::*member;
  const char* help;
};

// The string flags of SPEC B1, each with its LITMUS_* variable.
const StringFlag kStringFlags[] = {
    {"--station", "LITMUS_STATION", &RunOptions::station, "Station id (stations/<id>.yaml)"},
    {"--dut-serial", "LITMUS_DUT_SERIAL", &RunOptions::dut_serial, "Serial number of the device under test"},
    {"--dut-part-number", "LITMUS_DUT_PART_NUMBER", &RunOptions::dut_part_number, "DUT part number"},
    {"--dut-revision", "LITMUS_DUT_REVISION", &RunOptions::dut_revision, "DUT revision"},
    {"--dut-lot-number", "LITMUS_DUT_LOT_NUMBER", &RunOptions::dut_lot_number, "DUT lot number"},
    {"--product", "LITMUS_PRODUCT", &RunOptions::product, "Product id (products/<id>.yaml): limits from its spec"},
    {"--fixture", "LITMUS_FIXTURE", &RunOptions::fixture, "Fixture id (fixtures/<id>.yaml)"},
    {"--operator", "LITMUS_OPERATOR", &RunOptions::operator_name, "Who runs the test (default: login name)"},
    {"--test-phase", "LITMUS_TEST_PHASE", &RunOptions::test_phase,
     "development, validation, production, ... (mocked runs: development)"},
    {"--test-profile", "LITMUS_TEST_PROFILE", &RunOptions::test_profile, "Active profile for limits"},
};

struct PathFlag {
  const char* flag;
  const char* env;
  std::filesystem::path RunOptions::*member;
  const char* help;
};

const PathFlag kPathFlags[] = {
    {"--data-dir", nullptr, &RunOptions::data_dir,
     "Results directory (default: project data_dir, LITMUS_HOME, ~/.local/share/litmus)"},
    {"--project", "LITMUS_PROJECT", &RunOptions::project_dir,
     "Project directory (default: nearest litmus.yaml upward from the working directory)"},
    {"--test-config", "LITMUS_TEST_CONFIG", &RunOptions::test_config,
     "Test YAML for every test, instead of the <source>.yaml beside each"},
};

constexpr const char* kGuardbandHelp = "Default guardband in percent of the limit window, 0 <= x < 100";
constexpr const char* kMockHelp = "Use mock instruments for every role";
constexpr const char* kNoMockHelp = "Use the real instruments even if litmus.yaml says mock_instruments: true";
constexpr const char* kInstrumentTimeoutHelp =
    "Seconds to wait for an instrument another process is using (default 0: fail at once)";
constexpr const char* kAllowOverdueHelp = "Run in production even with an instrument past its calibration due date";
constexpr const char* kNoOutputCaptureHelp = "Do not copy stdout/stderr into run.output events";

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h" || arg == "-?"; }

}  // namespace

ParsedCommandLine parse_run_options(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  RunOptions& options = parsed.options;
  CLI::App app{"litmus test program"};
  app.set_help_flag();  // --help goes on to GoogleTest, which prints its own
  app.allow_extras();
  for (const auto& flag : kStringFlags) app.add_option(flag.flag, options.*flag.member)->envname(flag.env);
  for (const auto& flag : kPathFlags) {
    auto* option = app.add_option(flag.flag, options.*flag.member);
    if (flag.env != nullptr) option->envname(flag.env);
  }
  double guardband = 0;
  auto* guardband_option = app.add_option("--guardband", guardband)->envname("LITMUS_GUARDBAND");
  bool mock_flag = false;
  bool no_mock_flag = false;
  app.add_flag("--mock-instruments", mock_flag);
  app.add_flag("--no-mock-instruments", no_mock_flag);
  double instrument_timeout = 0;
  auto* timeout_option =
      app.add_option("--instrument-timeout", instrument_timeout)->envname("LITMUS_INSTRUMENT_TIMEOUT");
  bool allow_overdue = false;
  app.add_flag("--allow-overdue-calibration", allow_overdue);
  bool no_output_capture = false;
  app.add_flag("--no-output-capture", no_output_capture);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    throw Error(std::string("bad command line: ") + e.what());
  }
  if (guardband_option->count() > 0 || env_value("LITMUS_GUARDBAND")) {
    if (!(guardband >= 0 && guardband < 100)) {
      throw Error("--guardband / LITMUS_GUARDBAND: " + std::to_string(guardband) + " is not in [0, 100)");
    }
    options.guardband_pct = guardband;
  }
  if (mock_flag && no_mock_flag) throw Error("--mock-instruments and --no-mock-instruments contradict each other");
  if (mock_flag || no_mock_flag) {
    options.mock_instruments = mock_flag;
  } else {
    options.mock_instruments = env_flag("LITMUS_MOCK_INSTRUMENTS");
  }
  if (timeout_option->count() > 0 || env_value("LITMUS_INSTRUMENT_TIMEOUT")) {
    if (!(instrument_timeout >= 0 && instrument_timeout <= 86400)) {
      throw Error("--instrument-timeout / LITMUS_INSTRUMENT_TIMEOUT: " + std::to_string(instrument_timeout) +
                  " is not a number of seconds in [0, 86400]");
    }
    options.instrument_timeout_s = instrument_timeout;
  }
  options.allow_overdue_calibration =
      allow_overdue || env_flag("LITMUS_ALLOW_OVERDUE_CALIBRATION").value_or(false);
  options.capture_output = !no_output_capture && env_flag("LITMUS_OUTPUT_CAPTURE").value_or(true);

  parsed.remaining.push_back(argc > 0 ? argv[0] : "test");
  for (const auto& extra : app.remaining()) {
    options.help = options.help || is_help(extra);
    parsed.remaining.push_back(extra);
  }
  return parsed;
}

std::string run_options_help() {
  std::ostringstream out;
  out << "Litmus flags (each also from its LITMUS_* variable):\n";
  const auto line = [&out](std::string flag, const char* env, const char* help) {
    flag += env != nullptr ? std::string(" / ") + env : std::string();
    out << "  " << flag << std::string(flag.size() < 44 ? 44 - flag.size() : 1, ' ') << help << '\n';
  };
  for (const auto& flag : kStringFlags) line(std::string(flag.flag) + " X", flag.env, flag.help);
  for (const auto& flag : kPathFlags) line(std::string(flag.flag) + " DIR", flag.env, flag.help);
  line("--guardband PCT", "LITMUS_GUARDBAND", kGuardbandHelp);
  line("--mock-instruments", "LITMUS_MOCK_INSTRUMENTS=1", kMockHelp);
  line("--no-mock-instruments", "LITMUS_MOCK_INSTRUMENTS=0", kNoMockHelp);
  line("--instrument-timeout SECONDS", "LITMUS_INSTRUMENT_TIMEOUT", kInstrumentTimeoutHelp);
  line("--allow-overdue-calibration", "LITMUS_ALLOW_OVERDUE_CALIBRATION=1", kAllowOverdueHelp);
  line("--no-output-capture", "LITMUS_OUTPUT_CAPTURE=0", kNoOutputCaptureHelp);
  return out.str();
}

}  // namespace litmus::gtest_runner
