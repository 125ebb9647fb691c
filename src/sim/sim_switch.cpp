#include "sim/sim_switch.hpp"

#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

std::vector<int> checked_channels(const Call& call) {
  std::vector<int> channels = call.channel_list(0);
  for (int channel : channels) {
    if (channel < 1 || channel > 9999) throw ScpiFault(scpi_errors::data_out_of_range);
  }
  return channels;
}

}  // namespace

SimSwitch::SimSwitch() : SimInstrument("switch", {"Litmus", "SIM-SWITCH", "SIM000001", "1.0"}) {
  auto& table = commands();
  table.add("ROUTe:CLOSe", 1, [this](Call& call) {
    for (int channel : checked_channels(call)) closed_.insert(channel);
  });
  table.add("ROUTe:OPEN", 1, [this](Call& call) {
    for (int channel : checked_channels(call)) closed_.erase(channel);
  });
  table.add("ROUTe:OPEN:ALL", 1, [this](Call&) { closed_.clear(); });
  auto state = [this](bool closed) {
    return [this, closed](Call& call) {
      for (int channel : checked_channels(call)) {
        if (!call.reply.empty()) call.reply += ',';
        call.reply += (closed_.count(channel) > 0) == closed ? "1" : "0";
      }
    };
  };
  table.add("ROUTe:CLOSe?", 1, state(true));
  table.add("ROUTe:OPEN?", 1, state(false));
}

void SimSwitch::reset() { closed_.clear(); }

bool SimSwitch::is_closed(int channel) const {
  std::lock_guard lock(mutex());
  return closed_.count(channel) > 0;
}

}  // namespace litmus::sim
