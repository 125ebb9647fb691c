#pragma once
// What a simulator serves: which instruments, on which ports, configured
// how — built in code by tests, or read strictly from a YAML file by
// `litmus sim --config` (an unknown key, a wrong type or an unknown model
// type is a ConfigError naming file, line and key):
//
//   host: 127.0.0.1          # default
//   seed: 1                  # noise and random faults are reproducible
//   noise: 0.0001            # relative SD of every reading (default 0)
//   instruments:
//     dmm:                   # the name the simulator prints
//       type: dmm            # dmm psu scope eload fgen smu switch
//       port: 5025           # 0 or absent: any free port
//       identity: {manufacturer: ..., model: ..., serial: ..., firmware: ...}
//       noise: 0             # overrides the top-level noise
//       faults: {delay_ms: 0, drop_every: 0, drop_probability: 0,
//                close_after: 0, errors: ['-222,"Data out of range"']}
//       settings: {...}      # the model's own keys (values, loads, signals)

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

struct SimEntry {
  std::string name;
  std::uint16_t port = 0;  // 0: ephemeral
  std::shared_ptr<SimInstrument> model;
};

struct SimConfig {
  std::string host = "127.0.0.1";
  std::vector<SimEntry> instruments;

  // Adds a model of `type` in its default state (seeded with `seed`);
  // throws litmus::Error for an unknown type.
  SimInstrument& add(const std::string& name, const std::string& type, std::uint16_t port = 0,
                     std::uint64_t seed = 1);
  // The entry named `name`, or nullptr.
  SimEntry* find(const std::string& name);
};

SimConfig load_sim_config(const std::filesystem::path& file);

}  // namespace litmus::sim
