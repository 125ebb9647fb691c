#include "config/project_config.hpp"

#include <gtest/gtest.h>

#include "litmus/error.hpp"
#include "support/temp_dir.hpp"
#include "write_file.hpp"

namespace litmus::config {
namespace {

using litmus::testing::write_file;

TEST(ProjectConfig, DefaultsWithoutLitmusYaml) {
  litmus::testing::TempDir dir;
  auto project = load_project(dir.path());
  EXPECT_EQ(project.name, dir.path().filename().string());
  EXPECT_FALSE(project.data_dir);
  EXPECT_FALSE(project.mock_instruments);
}

TEST(ProjectConfig, ReadsKeysAndResolvesDataDirAgainstTheRoot) {
  litmus::testing::TempDir dir;
  write_file(dir / "litmus.yaml",
             "name: board\ndata_dir: results\ndefault_station: bench_1\nmock_instruments: true\nrequired_inputs: "
             "[dut_serial]\n");
  auto project = load_project(dir.path());
  EXPECT_EQ(project.name, "board");
  EXPECT_EQ(*project.data_dir, dir.path() / "results");
  EXPECT_EQ(project.default_station, "bench_1");
  EXPECT_TRUE(project.mock_instruments);
  EXPECT_EQ(project.required_inputs, std::vector<std::string>{"dut_serial"});
}

TEST(ProjectConfig, UnknownKeyIsAnErrorWithLine) {
  litmus::testing::TempDir dir;
  write_file(dir / "litmus.yaml", "name: board\nmock_instrument: true\n");
  try {
    load_project(dir.path());
    FAIL();
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("litmus.yaml:2: mock_instrument: unknown key"), std::string::npos) << message;
  }
}

TEST(ProjectConfig, FindsTheRootUpwards) {
  litmus::testing::TempDir dir;
  write_file(dir / "litmus.yaml", "name: x\n");
  std::filesystem::create_directories(dir / "tests/deep");
  EXPECT_EQ(find_project_root(dir / "tests/deep"), dir.path());
}

}  // namespace
}  // namespace litmus::config
