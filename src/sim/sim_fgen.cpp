#include "sim/sim_fgen.hpp"

#include "config/yaml_numbers.hpp"
#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

const char* const kShapeNames[] = {"SIN", "SQU", "RAMP", "PULS", "NOIS", "DC"};

}  // namespace

SimFgen::SimFgen() : SimInstrument("fgen", {"Litmus", "SIM-FGEN", "SIM000001", "1.0"}), channels_(2) {
  reset();
  auto& table = commands();
  table.add("[SOURce#]:FUNCtion[:SHAPe]", 1, [this](Call& call) {
    at(call.suffix()).shape = call.choice(0, {"SINusoid", "SQUare", "RAMP", "PULSe", "NOISe", "DC"});
  });
  table.add("[SOURce#]:FUNCtion[:SHAPe]?", 0,
            [this](Call& call) { call.reply = kShapeNames[at(call.suffix()).shape]; });
  table.add_number("[SOURce#]:FREQuency[:CW]", {1e-6, 100e6, 1000.0},
                   [this](const Call& call) -> double& { return at(call.suffix()).frequency; });
  table.add_number("[SOURce#]:VOLTage[:LEVel][:IMMediate][:AMPLitude]", {1e-3, 20.0, 0.1},
                   [this](const Call& call) -> double& { return at(call.suffix()).amplitude; });
  table.add_number("[SOURce#]:VOLTage[:LEVel][:IMMediate]:OFFSet", {-10.0, 10.0, 0.0},
                   [this](const Call& call) -> double& { return at(call.suffix()).offset; });
  table.add_bool("OUTPut#[:STATe]", [this](const Call& call) -> bool& { return at(call.suffix()).output; });
}

void SimFgen::reset() {
  for (auto& c : channels_) c = FgenChannel{};
}

FgenChannel& SimFgen::at(int number) { return channels_[checked_index(number, channels_.size(), "channel")]; }

FgenChannel SimFgen::channel(int number) const {
  std::lock_guard lock(mutex());
  return channels_[checked_index(number, channels_.size(), "channel")];
}

void SimFgen::configure(const config::YamlAt& settings) {
  config::check_keys(settings, {"channels"});
  if (!settings.node["channels"]) return;
  const std::int64_t count = config::read_integer(settings.child("channels"));
  if (count < 1 || count > 8) settings.child("channels").fail("expected 1 to 8");
  channels_.assign(static_cast<std::size_t>(count), FgenChannel{});
}

}  // namespace litmus::sim
