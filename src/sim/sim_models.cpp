#include "sim/sim_models.hpp"

#include "sim/sim_dmm.hpp"
#include "sim/sim_eload.hpp"
#include "sim/sim_fgen.hpp"
#include "sim/sim_psu.hpp"
#include "sim/sim_scope.hpp"
#include "sim/sim_smu.hpp"
#include "sim/sim_switch.hpp"

namespace litmus::sim {

const std::vector<std::string>& sim_model_types() {
  static const std::vector<std::string> types{"dmm", "psu", "scope", "eload", "fgen", "smu", "switch"};
  return types;
}

std::unique_ptr<SimInstrument> make_sim_model(std::string_view type) {
  if (type == "dmm") return std::make_unique<SimDmm>();
  if (type == "psu") return std::make_unique<SimPsu>();
  if (type == "scope") return std::make_unique<SimScope>();
  if (type == "eload") return std::make_unique<SimELoad>();
  if (type == "fgen") return std::make_unique<SimFgen>();
  if (type == "smu") return std::make_unique<SimSmu>();
  if (type == "switch") return std::make_unique<SimSwitch>();
  return nullptr;
}

}  // namespace litmus::sim
