// Valid asset, fixture and profile files read into the right values;
// fixture connection lookup, profile resolution, station selection, the
// data dir order and ISO dates.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "config/asset_config.hpp"
#include "config/fixture_config.hpp"
#include "config/iso_date.hpp"
#include "config/profile_config.hpp"
#include "config/project_data_dir.hpp"
#include "config/station_selection.hpp"
#include "litmus/error.hpp"
#include "support/temp_dir.hpp"
#include "write_file.hpp"

namespace litmus::config {
namespace {

namespace fs = std::filesystem;
using litmus::testing::write_file;

const fs::path kGood = fs::path(LITMUS_CONFIG_TEST_DATA) / "projects/good";

TEST(AssetConfig, ReadsIdentityAndCalibration) {
  const AssetConfig asset = load_asset(kGood, "dmm_1");
  EXPECT_EQ(asset.id, "dmm_1");
  EXPECT_EQ(asset.type, "dmm");
  EXPECT_EQ(asset.identity.manufacturer, "Keysight Technologies");
  EXPECT_EQ(asset.identity.model, "34461A");
  EXPECT_EQ(asset.identity.serial, "MY12345678");
  EXPECT_EQ(asset.identity.firmware, "A.03.01");
  EXPECT_EQ(asset.calibration.last, "2024-06-01");
  EXPECT_EQ(asset.calibration.due, "2025-06-01");
  EXPECT_EQ(asset.calibration.certificate, "CERT-2024-0117");
  EXPECT_EQ(asset.calibration.lab, "Acme Metrology");
  EXPECT_EQ(asset.description, "Bench 1 DMM");
  EXPECT_EQ(asset.notes, "Front terminals only");
  const auto assets = load_assets(kGood);
  ASSERT_EQ(assets.size(), 2u);
  EXPECT_EQ(assets[1].id, "psu_1");
  EXPECT_EQ(assets[1].calibration.due, "");
}

TEST(AssetConfig, MissingFileIsAConfigError) { EXPECT_THROW(load_asset(kGood, "dmm_9"), ConfigError); }

TEST(FixtureConfig, ReadsConnections) {
  const FixtureConfig fixture = load_fixture(kGood, "board_fixture");
  EXPECT_EQ(fixture.name, "Board bed of nails");
  EXPECT_EQ(fixture.product, "board");
  EXPECT_EQ(fixture.station, "bench_1");
  ASSERT_EQ(fixture.connections.size(), 3u);
  EXPECT_EQ(fixture.connections[0].dut_pin, "TP1");
  EXPECT_EQ(fixture.connections[0].instrument, "dmm");
  EXPECT_EQ(fixture.connections[1].channel, "1");
  const auto& clk = fixture.connections[2];
  EXPECT_EQ(clk.channel, "ch1");
  ASSERT_TRUE(clk.route);
  EXPECT_EQ(clk.route->switch_role, "mux");
  EXPECT_EQ(clk.route->close, (std::vector<std::string>{"1!1", "1!2"}));
  EXPECT_TRUE(fixture.slots.empty());
}

TEST(FixtureConfig, ReadsSlots) {
  const FixtureConfig fixture = load_fixture(kGood, "panel_fixture");
  EXPECT_TRUE(fixture.connections.empty());
  ASSERT_EQ(fixture.slots.size(), 2u);
  EXPECT_EQ(fixture.slots[1].id, "slot_2");
  EXPECT_EQ(fixture.slots[1].dut_serial_input, "serial_2");
  ASSERT_EQ(fixture.slots[1].connections.size(), 1u);
  EXPECT_EQ(fixture.slots[1].connections[0].route->close, std::vector<std::string>{"1!2"});
}

TEST(FixtureConfig, FindsThePinOfAMeasurement) {
  litmus::testing::TempDir dir;
  write_file(dir / "fixtures/f.yaml", R"(id: f
connections:
  TP1: {instrument: dmm}
  CLK: {instrument: scope, channel: ch1}
  DATA: {instrument: scope, channel: ch2}
  VIN: {instrument: psu}
  VOUT: {instrument: psu, channel: "2"}
)");
  const FixtureConfig f = load_fixture(dir.path(), "f");
  const auto pin = [&](std::string_view role, std::string_view channel) {
    const FixtureConnection* c = find_connection(f, role, channel);
    return c ? c->dut_pin : std::string("(none)");
  };
  EXPECT_EQ(pin("dmm", ""), "TP1");
  EXPECT_EQ(pin("dmm", "ch9"), "TP1");  // the dmm as a whole
  EXPECT_EQ(pin("scope", "ch2"), "DATA");
  EXPECT_EQ(pin("scope", ""), "(none)");  // two channels: which one?
  EXPECT_EQ(pin("scope", "ch3"), "(none)");
  EXPECT_EQ(pin("psu", "2"), "VOUT");
  EXPECT_EQ(pin("psu", "1"), "(none)");  // VIN or VOUT's other side: ambiguous
  EXPECT_EQ(pin("smu", ""), "(none)");

  const FixtureConfig panel = load_fixture(kGood, "panel_fixture");
  EXPECT_EQ(find_connection(panel, "dmm", "", "slot_2")->route->close, std::vector<std::string>{"1!2"});
  EXPECT_EQ(find_connection(panel, "dmm", "", "slot_9"), nullptr);
  EXPECT_EQ(find_connection(panel, "dmm", ""), nullptr);  // no slot named: no connections
}

TEST(ProfileConfig, ResolvesExtends) {
  const ResolvedProfile resolved = resolve_profile(kGood, "production");
  EXPECT_EQ(resolved.chain, (std::vector<std::string>{"production", "base"}));
  const ProfileConfig& p = resolved.merged;
  EXPECT_EQ(p.id, "production");
  EXPECT_EQ(p.extends, "");
  EXPECT_EQ(p.test_phase, "production");
  EXPECT_EQ(p.mock_instruments, false);
  EXPECT_EQ(p.guardband_pct, 10.0);
  ASSERT_EQ(p.facets.size(), 2u);
  EXPECT_EQ(p.facets.at("temperature"), (std::vector<std::string>{"cold", "room", "hot"}));
  EXPECT_EQ(p.facets.at("chamber"), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(p.limits.size(), 2u);
  EXPECT_EQ(p.limits.at("v_rail").limit.low, 3.25);  // its own
  EXPECT_EQ(p.limits.at("i_in").limit.high, 0.5);    // from base
  EXPECT_NE(p.limits.at("v_rail").origin.find("profiles/production.yaml:9"), std::string::npos)
      << p.limits.at("v_rail").origin;

  const ResolvedProfile base = resolve_profile(kGood, "base");
  EXPECT_EQ(base.chain, std::vector<std::string>{"base"});
  EXPECT_FALSE(base.merged.test_phase);
  EXPECT_EQ(base.merged.guardband_pct, 5.0);
}

TEST(ProfileConfig, LoadProfileIsTheMergedView) {
  const ProfileConfig p = load_profile(kGood, "production");
  EXPECT_EQ(p.id, "production");
  EXPECT_EQ(p.guardband_pct, 10.0);
  EXPECT_EQ(p.limits.size(), 2u);  // i_in comes from base
}

TEST(FixtureConfig, LoadsEveryFixtureOfTheProject) {
  const auto fixtures = load_fixtures(kGood);
  ASSERT_EQ(fixtures.size(), 2u);
  EXPECT_EQ(fixtures[0].id, "board_fixture");
  EXPECT_EQ(fixtures[1].id, "panel_fixture");
}

TEST(ProfileConfig, CycleNamesTheChain) {
  litmus::testing::TempDir dir;
  write_file(dir / "profiles/a.yaml", "id: a\nextends: b\n");
  write_file(dir / "profiles/b.yaml", "id: b\nextends: c\n");
  write_file(dir / "profiles/c.yaml", "id: c\nextends: b\n");
  try {
    resolve_profile(dir.path(), "a");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "profiles/c.yaml").string() + ":2: extends: cycle in extends: a → b → c → b");
  }
}

TEST(StationSelection, ExplicitThenHostnameThenDefault) {
  ProjectConfig project = load_project(kGood);  // default_station: bench_1
  EXPECT_EQ(select_station(project, "bench_2", "bench-1.lab")->id, "bench_2");
  EXPECT_EQ(select_station(project, "", "bench-2.lab")->id, "bench_2");
  EXPECT_EQ(select_station(project, "", "elsewhere")->id, "bench_1");
  project.default_station.clear();
  EXPECT_FALSE(select_station(project, "", "elsewhere"));
  EXPECT_THROW(select_station(project, "bench_9", ""), ConfigError);
}

TEST(StationSelection, TwoStationsClaimingTheHostIsAnError) {
  litmus::testing::TempDir dir;
  write_file(dir / "stations/a.yaml", "id: a\nhostname: lab-pc\n");
  write_file(dir / "stations/b.yaml", "id: b\nhostname: lab-pc\n");
  const ProjectConfig project = load_project(dir.path());
  try {
    select_station(project, "", "lab-pc");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "stations a (" + (dir / "stations/a.yaml").string() + ") and b (" +
                                         (dir / "stations/b.yaml").string() +
                                         ") both claim hostname 'lab-pc'; name one with --station");
  }
  EXPECT_EQ(select_station(project, "a", "lab-pc")->id, "a");
}

// Sets an environment variable for one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~ScopedEnv() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ProjectDataDir, FlagThenProjectThenLitmusHomeThenHome) {
  const ScopedEnv home("HOME", "/home/ann");
  ProjectConfig project;
  project.data_dir = "/projects/board/results";
  {
    const ScopedEnv litmus_home("LITMUS_HOME", "/srv/litmus");
    EXPECT_EQ(project_data_dir("/tmp/flag", project), "/tmp/flag");
    EXPECT_EQ(project_data_dir("", project), "/projects/board/results");
    project.data_dir.reset();
    EXPECT_EQ(project_data_dir("", project), "/srv/litmus");
  }
  const ScopedEnv no_litmus_home("LITMUS_HOME", nullptr);
  EXPECT_EQ(project_data_dir("", project), "/home/ann/.local/share/litmus");
}

TEST(IsoDate, OnlyRealDatesInIsoForm) {
  using namespace std::chrono;
  EXPECT_EQ(parse_iso_date("2024-02-29"), sys_days(year(2024) / February / 29));
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-13-01"));
  EXPECT_FALSE(parse_iso_date("2025-6-1"));
  EXPECT_FALSE(parse_iso_date("2025/06/01"));
  EXPECT_FALSE(parse_iso_date("2025-06-01T00"));
  EXPECT_FALSE(parse_iso_date("+025-06-01"));
  EXPECT_FALSE(parse_iso_date(""));
}

}  // namespace
}  // namespace litmus::config
