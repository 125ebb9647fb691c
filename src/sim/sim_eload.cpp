#include "sim/sim_eload.hpp"

#include <algorithm>
#include <cmath>

#include "sim/optional_setting.hpp"

namespace litmus::sim {

namespace {

enum Mode : std::size_t { current, voltage, resistance, power };
const char* const kModeNames[] = {"CURR", "VOLT", "RES", "POW"};

}  // namespace

SimELoad::SimELoad() : SimInstrument("eload", {"Litmus", "SIM-ELOAD", "SIM000001", "1.0"}) {
  reset();
  auto& table = commands();
  table.add("[SOURce:]FUNCtion", 1, [this](Call& call) {
    mode_ = call.choice(0, {"CURRent", "VOLTage", "RESistance", "POWer"});
  });
  table.add("[SOURce:]FUNCtion?", 0, [this](Call& call) { call.reply = kModeNames[mode_]; });
  table.add("[SOURce:]MODE", 1, [this](Call& call) { mode_ = call.choice(0, {"CC", "CV", "CR", "CP"}); });
  table.add("[SOURce:]MODE?", 0, [this](Call& call) {
    static const char* names[] = {"CC", "CV", "CR", "CP"};
    call.reply = names[mode_];
  });
  const NumericRange ranges[] = {{0.0, 30.0, 0.0}, {0.0, 150.0, 150.0}, {0.05, 1e6, 1e6}, {0.0, 300.0, 0.0}};
  const char* const headers[] = {"[SOURce:]CURRent[:LEVel][:IMMediate]", "[SOURce:]VOLTage[:LEVel][:IMMediate]",
                                 "[SOURce:]RESistance[:LEVel][:IMMediate]", "[SOURce:]POWer[:LEVel][:IMMediate]"};
  for (std::size_t m = 0; m < levels_.size(); ++m) {
    table.add_number(headers[m], ranges[m], [this, m](const Call&) -> double& { return levels_[m]; });
  }
  table.add_bool("INPut[:STATe]", [this](const Call&) -> bool& { return input_; });
  table.add("MEASure[:SCALar]:VOLTage[:DC]?", 0,
            [this](Call& call) { call.reply = format_number(noisy(operating_point().voltage)); });
  table.add("MEASure[:SCALar]:CURRent[:DC]?", 0,
            [this](Call& call) { call.reply = format_number(noisy(operating_point().current)); });
  table.add("MEASure[:SCALar]:POWer[:DC]?", 0, [this](Call& call) {
    const Point p = operating_point();
    call.reply = format_number(noisy(p.voltage * p.current));
  });
}

void SimELoad::reset() {
  mode_ = current;
  levels_ = {0.0, 150.0, 1e6, 0.0};
  input_ = false;
}

SimELoad::Point SimELoad::operating_point() const {
  const double vs = source_voltage_;
  const double rs = source_resistance_;
  // What a source behind rs can give at most.
  const double short_circuit = rs > 0 ? vs / rs : max_current_;
  double amps = 0.0;
  if (input_) {
    const double level = levels_[mode_];
    switch (mode_) {
      case current:
        amps = level;
        break;
      case voltage:
        amps = level >= vs ? 0.0 : (vs - level) * (rs > 0 ? 1 / rs : 1e12);
        break;
      case resistance:
        amps = vs / (rs + level);
        break;
      default: {  // power: V * I = P with V = vs - I * rs
        const double discriminant = vs * vs - 4 * rs * level;
        if (rs <= 0) {
          amps = vs > 0 ? level / vs : 0.0;
        } else {
          amps = discriminant >= 0 ? (vs - std::sqrt(discriminant)) / (2 * rs) : vs / (2 * rs);
        }
      }
    }
  }
  amps = std::clamp(amps, 0.0, std::min(short_circuit, max_current_));
  return {std::max(vs - amps * rs, 0.0), amps};
}

void SimELoad::set_source(double volts, double ohms) {
  std::lock_guard lock(mutex());
  source_voltage_ = volts;
  source_resistance_ = ohms;
}

void SimELoad::configure(const config::YamlAt& settings) {
  config::check_keys(settings, {"source_voltage", "source_resistance", "max_current"});
  read_optional_real(settings, "source_voltage", source_voltage_);
  read_optional_real(settings, "source_resistance", source_resistance_);
  read_optional_real(settings, "max_current", max_current_);
}

}  // namespace litmus::sim
