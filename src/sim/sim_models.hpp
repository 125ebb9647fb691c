#pragma once
// The instrument models the simulator has, by type name.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

// "dmm", "psu", "scope", "eload", "fgen", "smu", "switch".
const std::vector<std::string>& sim_model_types();

// A model in its power-on state; nullptr for an unknown type.
std::unique_ptr<SimInstrument> make_sim_model(std::string_view type);

}  // namespace litmus::sim
