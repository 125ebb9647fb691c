// `litmus validate`, the real binary: a clean project, a broken one (text
// and --json), named files, and the project `litmus init --starter` makes.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli_run.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "write_file.hpp"

namespace litmus::testing {
namespace {

namespace fs = std::filesystem;

using Output = CliOutput;

// Runs `litmus <args>` in `cwd`; stderr goes to a file the shell opens.
Output litmus(const fs::path& cwd, const std::vector<std::string>& args) {
  return run_cli(LITMUS_CLI_PATH, args, {{"LITMUS_PROJECT", ""}}, cwd);
}

class Validate : public ::testing::Test {
 protected:
  Validate() {
    fs::copy(fs::path(LITMUS_CONFIG_TEST_DATA) / "projects/good", project_.path(), fs::copy_options::recursive);
  }
  const fs::path& root() const { return project_.path(); }
  TempDir project_;
};

TEST_F(Validate, CleanProjectExitsZero) {
  const Output out = litmus(root() / "stations", {"validate"});  // found upward from a subfolder
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_EQ(out.out, "11 files checked, 0 problems\n");
  EXPECT_EQ(out.err, "");
}

TEST_F(Validate, BrokenProjectListsEveryProblem) {
  write_file(root() / "litmus.yaml", "default_station: bench_9\n");
  write_file(root() / "instruments/psu_1.yaml", "id: psu_1\ncalibration: {due: 2025-02-30}\n");
  const Output out = litmus("/", {"validate", "--project", root().string()});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_EQ(out.out,
            "instruments/psu_1.yaml:2: calibration.due: '2025-02-30' is not a date; write YYYY-MM-DD, e.g. 2025-06-30\n"
            "litmus.yaml:1: default_station: station 'bench_9' not found (no stations/bench_9.yaml)\n"
            "11 files checked, 2 problems\n");
}

TEST_F(Validate, JsonGivesTheParts) {
  write_file(root() / "litmus.yaml", "default_station: bench_9\n");
  write_file(root() / "stations/bench_2.yaml", "");
  const Output out = litmus(root(), {"validate", "--json"});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(out.out), nlohmann::json::parse(R"json({"files_checked": 11, "problems": [
    {"file": "litmus.yaml", "line": 1, "key": "default_station",
     "message": "station 'bench_9' not found (no stations/bench_9.yaml)"},
    {"file": "stations/bench_2.yaml", "line": null, "key": "", "message": "missing key 'id'"}
  ]})json"));
}

TEST_F(Validate, NamedFilesOnly) {
  write_file(root() / "stations/bench_2.yaml", "id: bench_2\nhostname: bench-1.lab\n");
  write_file(root() / "profiles/base.yaml", "id: base\nguardband_pct: -1\n");
  const Output profiles = litmus(root(), {"validate", "profiles/base.yaml", "litmus.yaml"});
  EXPECT_EQ(profiles.exit_code, 1);
  EXPECT_EQ(profiles.out,
            "profiles/base.yaml:2: guardband_pct: must not be negative\n"
            "2 files checked, 1 problem\n");
  // bench_1 takes part in the hostname clash that bench_2's file makes.
  const Output station = litmus(root(), {"validate", "stations/bench_1.yaml"});
  EXPECT_EQ(station.exit_code, 1);
  EXPECT_EQ(station.out,
            "stations/bench_2.yaml:2: hostname: hostname 'bench-1.lab' is also claimed by station 'bench_1' "
            "(stations/bench_1.yaml): a station is picked by hostname, so one per machine\n"
            "1 file checked, 1 problem\n");
  const Output clean = litmus(root(), {"validate", "fixtures", "instruments/dmm_1.yaml"});
  EXPECT_EQ(clean.exit_code, 0);
  EXPECT_EQ(clean.out, "3 files checked, 0 problems\n");
}

TEST(ValidateStarter, TheStarterProjectIsValid) {
  const TempDir dir;
  const Output init = litmus(dir.path(), {"init", "my_board", "--starter"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const Output out = litmus(dir / "my_board", {"validate"});
  EXPECT_EQ(out.exit_code, 0) << out.out << out.err;
  EXPECT_NE(out.out.find(" files checked, 0 problems\n"), std::string::npos) << out.out;
}

}  // namespace
}  // namespace litmus::testing
