// Station files: valid ones load; every invalid one is a ConfigError that
// names the file, the line and the key (data-driven table).
#include "config/station_config.hpp"

#include <gtest/gtest.h>

#include "litmus/error.hpp"
#include "support/temp_dir.hpp"
#include "write_file.hpp"

namespace litmus::config {
namespace {

using litmus::testing::write_file;

TEST(StationConfig, LoadsAValidStation) {
  litmus::testing::TempDir dir;
  write_file(dir / "stations/bench_1.yaml", R"(id: bench_1
name: Bench 1
location: Lab A
supported_phases: [development, production]
instruments:
  dmm:
    type: dmm
    resource: TCPIP::10.0.0.5::5025::SOCKET
    mock_config:
      measure_voltage: {normal: {mean: 3.3, sd: 0.01, seed: 1}}
      measure_current: [0.1, 0.2]
  scope:
    type: scope
    mock: true
    mock_config:
      read_waveform: {ch1: {sine: {freq: 1000, amplitude: 1}}, ch2: {sine: {freq: 50, amplitude: 2}}}
)");
  const StationConfig station = load_station(dir.path(), "bench_1");
  EXPECT_EQ(station.name, "Bench 1");
  EXPECT_EQ(station.supported_phases, (std::vector<std::string>{"development", "production"}));
  ASSERT_EQ(station.instruments.size(), 2u);
  EXPECT_EQ(station.instruments[0].role, "dmm");
  EXPECT_EQ(station.instruments[0].resource, "TCPIP::10.0.0.5::5025::SOCKET");
  EXPECT_FALSE(station.instruments[0].mock);
  EXPECT_EQ(station.instruments[0].mock_config["measure_current"], nlohmann::json::array({0.1, 0.2}));
  EXPECT_TRUE(station.instruments[1].mock);
  EXPECT_EQ(load_stations(dir.path()).size(), 1u);
}

struct BadCase {
  const char* name;
  const char* yaml;
  std::vector<std::string> expected;  // every fragment must appear in the message
};

class BadStation : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadStation, ErrorNamesFileLineAndKey) {
  litmus::testing::TempDir dir;
  write_file(dir / "stations/bench_1.yaml", GetParam().yaml);
  try {
    load_station(dir.path(), "bench_1");
    FAIL() << "no error for " << GetParam().name;
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("stations/bench_1.yaml"), std::string::npos) << message;
    for (const auto& fragment : GetParam().expected) {
      EXPECT_NE(message.find(fragment), std::string::npos) << "missing '" << fragment << "' in: " << message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadStation,
    ::testing::Values(
        BadCase{"unknown top-level key", "id: bench_1\nlocaton: Lab A\n", {":2:", "locaton", "unknown key"}},
        BadCase{"unknown instrument key", "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mok: true\n",
                {":5:", "instruments.dmm.mok", "unknown key"}},
        BadCase{"missing type", "id: bench_1\ninstruments:\n  dmm:\n    resource: x\n",
                {"instruments.dmm", "missing key 'type'"}},
        BadCase{"unknown type", "id: bench_1\ninstruments:\n  dmm:\n    type: dmmm\n",
                {":4:", "instruments.dmm.type", "unknown instrument type 'dmmm'"}},
        BadCase{"id mismatch", "id: bench_2\n", {":1:", "id", "does not match the file name"}},
        BadCase{"missing id", "name: x\n", {"missing key 'id'"}},
        BadCase{"mock is not a bool", "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock: maybe\n",
                {":5:", "instruments.dmm.mock", "expected true or false"}},
        BadCase{"instruments is a list", "id: bench_1\ninstruments: [dmm]\n", {"instruments", "expected a mapping"}},
        BadCase{"typo in a mock method",
                "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock_config:\n      mesure_voltage: 3.3\n",
                {":6:", "mock_config.mesure_voltage", "no method 'mesure_voltage'"}},
        BadCase{"bad generator parameter",
                "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock_config:\n      measure_voltage: {normal: "
                "{mean: 3.3, sigma: 1}}\n",
                {":6:", "measure_voltage", "unknown parameter 'sigma'"}},
        BadCase{"array generator for a scalar method",
                "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock_config:\n      measure_voltage: {sine: "
                "{freq: 1, amplitude: 1}}\n",
                {"measure_voltage", "sine makes an array"}},
        BadCase{"constant for a waveform",
                "id: bench_1\ninstruments:\n  scope:\n    type: scope\n    mock_config:\n      read_waveform: 1.0\n",
                {"read_waveform", "returns an array"}},
        BadCase{"text in a list of values",
                "id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    mock_config:\n      measure_voltage: [1, two]\n",
                {"measure_voltage", "must be a number"}},
        BadCase{"invalid yaml", "id: bench_1\ninstruments: {dmm: [\n", {"invalid YAML"}},
        BadCase{"document is a list", "- a\n- b\n", {"expected a mapping"}}),
    [](const ::testing::TestParamInfo<BadCase>& param) {
      std::string name = param.param.name;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(StationConfig, MissingFileNamesThePath) {
  litmus::testing::TempDir dir;
  try {
    load_station(dir.path(), "bench_9");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("stations/bench_9.yaml: file not found"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_station(dir.path(), "../etc/passwd"), ConfigError);
}

}  // namespace
}  // namespace litmus::config
