#include "sim/sim_dmm.hpp"

#include <cmath>
#include <vector>

#include "sim/optional_setting.hpp"
#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

// What each function is called in SCPI and which ranges it has.
struct FunctionSyntax {
  const char* header;        // in MEAS/CONF
  const char* range_header;  // in [SENS:]...:RANG
  const char* name;          // what CONF? and FUNC? answer
  std::vector<double> ranges;
  bool has_nplc;
};

const std::array<FunctionSyntax, 6>& syntax() {
  static const std::array<FunctionSyntax, 6> table{{
      {"VOLTage[:DC]", "VOLTage[:DC]", "VOLT", {0.1, 1, 10, 100, 1000}, true},
      {"VOLTage:AC", "VOLTage:AC", "VOLT:AC", {0.1, 1, 10, 100, 750}, false},
      {"CURRent[:DC]", "CURRent[:DC]", "CURR", {1e-4, 1e-3, 1e-2, 0.1, 1, 3, 10}, true},
      {"CURRent:AC", "CURRent:AC", "CURR:AC", {1e-4, 1e-3, 1e-2, 0.1, 1, 3, 10}, false},
      {"RESistance", "RESistance", "RES", {100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8}, true},
      {"FREQuency", "FREQuency:VOLTage", "FREQ", {0.1, 1, 10, 100, 750}, false},
  }};
  return table;
}

std::size_t index(DmmFunction function) { return static_cast<std::size_t>(function); }

constexpr double kOverload = 9.9e37;

// The smallest range of `function` holding the first parameter (a value,
// MIN, MAX or DEF), as the meter picks it.
double range_for(DmmFunction function, const Call& call) {
  const auto& ranges = syntax()[index(function)].ranges;
  const double wanted = call.number(0, {ranges.front(), ranges.back(), ranges.back()});
  for (double r : ranges) {
    if (r >= wanted * (1 - 1e-9)) return r;
  }
  return ranges.back();
}

}  // namespace

SimDmm::SimDmm()
    : SimInstrument("dmm", {"Keysight Technologies", "34461A", "MY53200001", "A.03.01-02.40-03.01-00.52-03-01"}) {
  values_ = {1.0, 0.5, 0.01, 0.005, 1000.0, 1000.0};
  reset();
  for (std::size_t i = 0; i < syntax().size(); ++i) {
    const auto function = static_cast<DmmFunction>(i);
    const FunctionSyntax& s = syntax()[i];
    const std::string range = std::string("[SENSe:]") + s.range_header + ":RANGe";
    commands().add(std::string("MEASure:") + s.header + "?", 2, [this, function](Call& call) {
      configure_function(function, call);
      call.reply = reading(function);
    });
    commands().add(std::string("CONFigure:") + s.header, 2,
                   [this, function](Call& call) { configure_function(function, call); });
    commands().add(range, 1,
                   [this, function](Call& call) { state_[index(function)].range = range_for(function, call); });
    commands().add(range + "?", 1, [this, function](Call& call) { call.reply = format_number(autorange(function)); });
    commands().add(range + ":AUTO", 1, [this, function](Call& call) {
      // ONCE and OFF both hold the range autoranging picks now.
      const bool on = call.choice(0, {"ON", "1", "OFF", "0", "ONCE"}) < 2;
      if (on) {
        state_[index(function)].range.reset();
      } else {
        state_[index(function)].range = autorange(function);
      }
    });
    commands().add(range + ":AUTO?", 0,
                   [this, function](Call& call) { call.reply = state_[index(function)].range ? "0" : "1"; });
    if (s.has_nplc) {
      commands().add_number(std::string("[SENSe:]") + s.range_header + ":NPLCycles", {0.02, 100, 10},
                            [this, function](const Call&) -> double& { return state_[index(function)].nplc; });
    }
  }
  commands().add("CONFigure?", 0, [this](Call& call) {
    call.reply = std::string("\"") + syntax()[index(function_)].name + " " + format_number(autorange(function_)) +
                 "," + format_number(3e-6 * autorange(function_)) + "\"";
  });
  commands().add("[SENSe:]FUNCtion[:ON]", 1, [this](Call& call) {
    function_ = static_cast<DmmFunction>(
        call.choice(0, {"VOLTage:DC", "VOLTage:AC", "CURRent:DC", "CURRent:AC", "RESistance", "FREQuency"}));
  });
  commands().add("[SENSe:]FUNCtion[:ON]?", 0,
                 [this](Call& call) { call.reply = std::string("\"") + syntax()[index(function_)].name + "\""; });
  commands().add("READ?", 0, [this](Call& call) { call.reply = reading(function_); });
  commands().add("INITiate[:IMMediate]", 0, [this](Call&) { fetched_ = reading(function_); });
  commands().add("FETCh?", 0, [this](Call& call) {
    if (!fetched_) throw ScpiFault(-230, "Data corrupt or stale");
    call.reply = *fetched_;
  });
}

void SimDmm::reset() {
  state_ = {};
  function_ = DmmFunction::dc_voltage;
  fetched_.reset();
}

void SimDmm::set_value(DmmFunction function, double value) {
  std::lock_guard lock(mutex());
  values_[index(function)] = value;
}

void SimDmm::configure(const config::YamlAt& settings) {
  config::check_keys(settings,
                     {"dc_voltage", "ac_voltage", "dc_current", "ac_current", "resistance", "frequency"});
  for (std::size_t i = 0; i < values_.size(); ++i) {
    read_optional_real(settings, std::string(to_string(static_cast<DmmFunction>(i))).c_str(), values_[i]);
  }
}

void SimDmm::configure_function(DmmFunction function, const Call& call) {
  function_ = function;
  FunctionState& state = state_[index(function)];
  state.range.reset();
  if (call.has(0) && !matches_keyword("AUTO", call.text(0))) state.range = range_for(function, call);
  fetched_.reset();
}

double SimDmm::autorange(DmmFunction function) const {
  const FunctionState& state = state_[index(function)];
  if (state.range) return *state.range;
  const auto& ranges = syntax()[index(function)].ranges;
  for (double r : ranges) {
    if (std::abs(values_[index(function)]) <= r * 1.2) return r;
  }
  return ranges.back();
}

std::string SimDmm::reading(DmmFunction function) {
  const double value = values_[index(function)];
  if (function != DmmFunction::frequency && std::abs(value) > autorange(function) * 1.2) {
    return format_number(kOverload);
  }
  return format_number(noisy(value));
}

}  // namespace litmus::sim
