#pragma once
// fixtures/<id>.yaml (SPEC B5, B7): how the DUT is wired to the station —
// each DUT pin to an instrument role, optionally a channel of it and a
// switch route that must be closed to reach it. One DUT uses
// `connections:`; a multi-DUT fixture has `slots:`, each with its own.
//
//   id: board_fixture
//   product: board          # pins must be among its pins
//   station: bench_1        # roles must be among its instruments
//   connections:
//     TP1: {instrument: dmm}
//     VIN: {instrument: psu, channel: "1"}
//     CLK: {instrument: scope, channel: ch1, route: {switch: mux, close: ["1!1"]}}
//
//   slots:                  # instead of connections:
//     slot_1: {dut_serial_input: serial_1, connections: {TP1: {instrument: dmm, route: {switch: mux, close: ["1!1"]}}}}
//     slot_2: {dut_serial_input: serial_2, connections: {TP1: {instrument: dmm, route: {switch: mux, close: ["1!2"]}}}}

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::config {

struct SwitchRoute {
  std::string switch_role;         // `switch:` a station role of type switch
  std::vector<std::string> close;  // the routes closed, as the switch names them
};

struct FixtureConnection {
  std::string dut_pin;     // the DUT pin (key under connections:)
  std::string instrument;  // station role
  std::string channel;     // empty: the instrument as a whole
  std::optional<SwitchRoute> route;
};

struct FixtureSlot {
  std::string id;                // key under slots:
  std::string dut_serial_input;  // the operator input naming this slot's serial; may be empty
  std::vector<FixtureConnection> connections;  // in file order
};

struct FixtureConfig {
  std::filesystem::path file;
  std::string id;  // equals the file name without .yaml
  std::string name;
  std::string description;
  std::string product;  // product id; empty: any
  std::string station;  // station id; empty: any
  std::vector<FixtureConnection> connections;  // one DUT; empty when slots are given
  std::vector<FixtureSlot> slots;              // several DUTs, in file order
};

// Loads <project_root>/fixtures/<id>.yaml strictly. Two connections of one
// DUT that reach the same role and channel with no switch route between
// them are an error (the pin a measurement touched would be ambiguous).
FixtureConfig load_fixture(const std::filesystem::path& project_root, std::string_view id);

// Loads one fixture file; its id must be the file name without .yaml.
FixtureConfig load_fixture_file(const std::filesystem::path& file);

// Every fixtures/*.yaml of the project, sorted by id. Throws on the first
// invalid file.
std::vector<FixtureConfig> load_fixtures(const std::filesystem::path& project_root);

// The connection a measurement by `role` (on `channel`, empty if none)
// went through, for recording its DUT pin: with a channel, the connection
// of that role and channel, else the role's only connection when it names
// no channel; without a channel, the only connection of that role. Null
// when none or several match (several: the switch route decides, so the
// caller must name the pin). `slot` selects a slot of a multi-DUT fixture.
const FixtureConnection* find_connection(const FixtureConfig& fixture, std::string_view role,
                                         std::string_view channel, std::string_view slot = {});

}  // namespace litmus::config
