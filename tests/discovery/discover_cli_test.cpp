// `litmus discover --host` and `litmus station init --yes --host`: the real
// binary asks *IDN? of simulated instruments over loopback TCP, then writes
// station and asset files that `litmus validate` accepts.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/write_file.hpp"
#include "sim/sim_server.hpp"
#include "support/cli_run.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::CliOutput;
using testing::run_cli;

std::string read_text(const fs::path& file) {
  std::stringstream text;
  text << std::ifstream(file).rdbuf();
  return text.str();
}

class DiscoverCli : public ::testing::Test {
 protected:
  void SetUp() override {
    sim::SimConfig config;
    config.add("dmm", "dmm");
    config.add("psu", "psu");
    sim_ = std::make_unique<sim::SimServer>(std::move(config));
    sim_->start();
    testing::write_file(project_ / "litmus.yaml", "name: bench_project\n");
  }
  // --host for each simulated instrument; no broadcast, USB or serial ports
  // (whatever this machine has), no progress.
  std::vector<std::string> probe_flags() const {
    return {"--host", "127.0.0.1:" + std::to_string(sim_->port("dmm")), "--host",
            "127.0.0.1:" + std::to_string(sim_->port("psu")), "--no-vxi11", "--no-usbtmc", "--no-serial", "--quiet"};
  }
  CliOutput litmus(std::vector<std::string> args) const {
    return run_cli(LITMUS_CLI_PATH, args, {{"LITMUS_PROJECT", ""}}, project_.path());
  }
  // `litmus discover --json` over the simulated hosts: one row per --host.
  json discover() const {
    auto args = probe_flags();
    args.insert(args.begin(), "discover");
    args.push_back("--json");
    const CliOutput out = litmus(args);
    EXPECT_EQ(out.exit_code, 0) << out.err;
    json found = json::parse(out.out);
    EXPECT_EQ(found.size(), 2u) << out.out;
    return found;
  }

  testing::TempDir project_;
  std::unique_ptr<sim::SimServer> sim_;
};

TEST_F(DiscoverCli, ListsWhatEachHostAnswersToIdn) {
  const json found = discover();
  for (const char* name : {"dmm", "psu"}) {
    const auto identity = sim_->instrument(name).identity();
    const auto row = std::find_if(found.begin(), found.end(),
                                  [&](const json& r) { return r["resource"] == sim_->resource(name); });
    ASSERT_NE(row, found.end()) << name;
    EXPECT_EQ((*row)["manufacturer"], identity.manufacturer);
    EXPECT_EQ((*row)["model"], identity.model);
    EXPECT_EQ((*row)["serial"], identity.serial);
    EXPECT_EQ((*row)["error"], "");
  }
}

TEST_F(DiscoverCli, SilentHostIsListedWithWhyItDidNotAnswer) {
  sim_->stop();  // nothing listens on those ports any more
  const json found = discover();
  for (const auto& row : found) EXPECT_NE(row["error"], "") << row.dump();
}

TEST_F(DiscoverCli, StationInitWritesStationAndAssetsThatValidate) {
  auto args = probe_flags();
  args.insert(args.begin(), {"station", "init", "bench_2", "--yes", "--hostname", "lab-pc-7", "--role",
                             sim_->resource("psu") + "=supply"});
  const CliOutput out = litmus(args);
  ASSERT_EQ(out.exit_code, 0) << out.err;

  const std::string station = read_text(project_ / "stations/bench_2.yaml");
  EXPECT_NE(station.find("hostname: lab-pc-7"), std::string::npos) << station;
  EXPECT_NE(station.find("resource: " + sim_->resource("dmm")), std::string::npos) << station;
  EXPECT_NE(station.find("supply:\n    type: psu"), std::string::npos) << station;  // --role named it
  EXPECT_NE(station.find("dmm:\n    type: dmm"), std::string::npos) << station;     // guessed from *IDN?
  const auto dmm = sim_->instrument("dmm").identity();
  int assets = 0;
  for (const auto& file : fs::directory_iterator(project_ / "instruments")) {
    ++assets;
    if (read_text(file.path()).find("serial: " + dmm.serial) != std::string::npos) {
      EXPECT_NE(read_text(file.path()).find("model: " + dmm.model), std::string::npos);
    }
  }
  EXPECT_EQ(assets, 2);

  const CliOutput validated = litmus({"validate"});
  EXPECT_EQ(validated.exit_code, 0) << validated.out << validated.err;

  // A second init does not overwrite what the first wrote.
  const CliOutput again = litmus(args);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("bench_2.yaml"), std::string::npos) << again.err;
}

TEST_F(DiscoverCli, StationInitWithNothingAnsweringWritesNothing) {
  sim_->stop();
  auto args = probe_flags();
  args.insert(args.begin(), {"station", "init", "bench_3", "--yes"});
  const CliOutput out = litmus(args);
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("no instrument answered *IDN?"), std::string::npos) << out.err;
  EXPECT_FALSE(fs::exists(project_ / "stations/bench_3.yaml"));
}

}  // namespace
}  // namespace litmus
