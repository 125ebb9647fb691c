// check_project on broken projects: the cases of broken_cases.txt, each
// with the exact problem lines expected; and checking only some files.
#include "config/project_check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/temp_dir.hpp"
#include "write_file.hpp"

namespace litmus::config {
namespace {

namespace fs = std::filesystem;
using litmus::testing::write_file;

const fs::path kData = LITMUS_CONFIG_TEST_DATA;

struct BrokenCase {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;  // path → text
  std::vector<std::string> deleted;
  std::vector<std::string> expected;
};

// broken_cases.txt: "=== name", then "--- PATH" + body, "--- delete PATH",
// "--- expect" + one problem per line.
std::vector<BrokenCase> read_cases() {
  std::ifstream in(kData / "broken_cases.txt");
  std::vector<BrokenCase> cases;
  enum { none, body, expect } section = none;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      cases.push_back({line.substr(4), {}, {}, {}});
      section = none;
    } else if (line.rfind("--- ", 0) == 0) {
      const std::string what = line.substr(4);
      if (what == "expect") {
        section = expect;
      } else if (what.rfind("delete ", 0) == 0) {
        cases.back().deleted.push_back(what.substr(7));
        section = none;
      } else {
        cases.back().files.emplace_back(what, "");
        section = body;
      }
    } else if (section == body) {
      cases.back().files.back().second += line + "\n";
    } else if (section == expect && !line.empty()) {
      cases.back().expected.push_back(line);
    }
  }
  return cases;
}

std::vector<std::string> lines_of(const ProjectCheck& check) {
  std::vector<std::string> lines;
  for (const auto& problem : check.problems) lines.push_back(problem.text());
  return lines;
}

// A copy of projects/good to break.
struct GoodProject {
  litmus::testing::TempDir dir;
  GoodProject() { fs::copy(kData / "projects/good", dir.path(), fs::copy_options::recursive); }
  fs::path root() const { return dir.path(); }
};

TEST(ProjectCheck, TheGoodProjectIsClean) {
  GoodProject project;
  const ProjectCheck check = check_project(project.root());
  EXPECT_EQ(lines_of(check), std::vector<std::string>{});
  EXPECT_EQ(check.files_checked, 11u);
}

TEST(ProjectCheck, AtLeast25BrokenCases) { EXPECT_GE(read_cases().size(), 25u); }

class BrokenProject : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenProject, ReportsExactlyTheExpectedProblems) {
  GoodProject project;
  for (const auto& [path, text] : GetParam().files) write_file(project.root() / path, text);
  for (const auto& path : GetParam().deleted) fs::remove(project.root() / path);
  EXPECT_EQ(lines_of(check_project(project.root())), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenProject, ::testing::ValuesIn(read_cases()),
                         [](const ::testing::TestParamInfo<BrokenCase>& param) {
                           std::string name = param.param.name;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ProjectCheck, StructuredProblems) {
  GoodProject project;
  write_file(project.root() / "litmus.yaml", "name: good\ndefault_station: bench_9\n");
  const auto check = check_project(project.root());
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems[0].file, "litmus.yaml");
  EXPECT_EQ(check.problems[0].line, 2);
  EXPECT_EQ(check.problems[0].key, "default_station");
  EXPECT_EQ(check.problems[0].message, "station 'bench_9' not found (no stations/bench_9.yaml)");
}

TEST(ProjectCheck, NamedFilesKeepTheReferencesTheyTakePartIn) {
  GoodProject project;
  // The asset turns into a psu: the station's reference to it breaks, and
  // a product file has an error of its own.
  write_file(project.root() / "instruments/dmm_1.yaml", "id: dmm_1\ntype: psu\n");
  write_file(project.root() / "products/board.yaml", "id: board\npin: {}\n");
  const std::string mismatch =
      "stations/bench_1.yaml:9: instruments.dmm.asset: asset 'dmm_1' is a psu (instruments/dmm_1.yaml), but this "
      "instrument is a dmm";

  const auto asset_only = check_project_files(project.root(), {project.root() / "instruments/dmm_1.yaml"});
  EXPECT_EQ(asset_only.files_checked, 1u);
  EXPECT_EQ(lines_of(asset_only), std::vector<std::string>{mismatch});

  const auto station_only = check_project_files(project.root(), {project.root() / "stations/bench_1.yaml"});
  EXPECT_EQ(lines_of(station_only), std::vector<std::string>{mismatch});

  const auto stations = check_project_files(project.root(), {project.root() / "stations"});
  EXPECT_EQ(stations.files_checked, 2u);
  EXPECT_EQ(lines_of(stations), std::vector<std::string>{mismatch});

  const auto other = check_project_files(project.root(), {project.root() / "profiles/base.yaml"});
  EXPECT_EQ(lines_of(other), std::vector<std::string>{});
}

TEST(ProjectCheck, NamedPathsThatAreNoProjectFiles) {
  GoodProject project;
  write_file(project.root() / "notes.txt", "hello\n");
  const auto check = check_project_files(
      project.root(), {project.root() / "notes.txt", project.root() / "stations/bench_9.yaml"});
  EXPECT_EQ(check.files_checked, 2u);
  EXPECT_EQ(lines_of(check),
            (std::vector<std::string>{
                "notes.txt: not a file of the project at " + project.root().string() +
                    ": expected litmus.yaml, tests/**/*.yaml or a .yaml file directly under stations/, instruments/, "
                    "products/, fixtures/ or profiles/",
                "stations/bench_9.yaml: file not found"}));
}

}  // namespace
}  // namespace litmus::config
