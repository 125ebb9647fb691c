#include "sim/sim_smu.hpp"

#include <algorithm>
#include <cmath>

#include "sim/optional_setting.hpp"

namespace litmus::sim {

SimSmu::SimSmu() : SimInstrument("smu", {"KEITHLEY INSTRUMENTS INC.", "MODEL 2400", "1234567", "C30"}) {
  reset();
  auto& table = commands();
  table.add("SOURce:FUNCtion[:MODE]", 1,
            [this](Call& call) { source_current_ = call.choice(0, {"VOLTage", "CURRent"}) == 1; });
  table.add("SOURce:FUNCtion[:MODE]?", 0, [this](Call& call) { call.reply = source_current_ ? "CURR" : "VOLT"; });
  table.add_number("SOURce:VOLTage[:LEVel][:IMMediate][:AMPLitude]", {-210.0, 210.0, 0.0},
                   [this](const Call&) -> double& { return voltage_; });
  table.add_number("SOURce:CURRent[:LEVel][:IMMediate][:AMPLitude]", {-1.05, 1.05, 0.0},
                   [this](const Call&) -> double& { return current_; });
  table.add_number("[SENSe:]CURRent[:DC]:PROTection[:LEVel]", {1e-9, 1.05, 0.105},
                   [this](const Call&) -> double& { return current_compliance_; });
  table.add_number("[SENSe:]VOLTage[:DC]:PROTection[:LEVel]", {0.2, 210.0, 21.0},
                   [this](const Call&) -> double& { return voltage_compliance_; });
  table.add_bool("OUTPut[:STATe]", [this](const Call&) -> bool& { return output_; });
  table.add("MEASure:VOLTage[:DC]?", 0,
            [this](Call& call) { call.reply = format_number(noisy(operating_point().voltage)); });
  table.add("MEASure:CURRent[:DC]?", 0,
            [this](Call& call) { call.reply = format_number(noisy(operating_point().current)); });
}

void SimSmu::reset() {
  source_current_ = false;
  voltage_ = 0.0;
  current_ = 0.0;
  current_compliance_ = 0.105;
  voltage_compliance_ = 21.0;
  output_ = false;
}

SimSmu::Point SimSmu::operating_point() const {
  if (!output_) return {0.0, 0.0};
  const bool open = load_ohms_ <= 0.0;
  if (!source_current_) {
    if (open) return {voltage_, 0.0};
    const double amps = std::clamp(voltage_ / load_ohms_, -current_compliance_, current_compliance_);
    return {amps * load_ohms_, amps};
  }
  if (open) return {std::copysign(voltage_compliance_, current_), 0.0};
  const double volts = std::clamp(current_ * load_ohms_, -voltage_compliance_, voltage_compliance_);
  return {volts, volts / load_ohms_};
}

void SimSmu::set_load(double ohms) {
  std::lock_guard lock(mutex());
  load_ohms_ = ohms;
}

void SimSmu::configure(const config::YamlAt& settings) {
  config::check_keys(settings, {"load_ohms"});
  read_optional_real(settings, "load_ohms", load_ohms_);
}

}  // namespace litmus::sim
