#pragma once
// A simulated digital multimeter: generic SCPI and the Keysight 34461A /
// 34465A dialect (MEAS:<f>?, CONF:<f>, READ?, INIT/FETC?, [SENS:]<f>:RANG
// [:AUTO], :NPLC). It reads back the values it was given, with noise;
// a reading beyond 120 % of a fixed range is the overload 9.9E37.

#include <array>
#include <optional>

#include "litmus/instruments/dmm.hpp"
#include "sim/sim_instrument.hpp"

namespace litmus::sim {

class SimDmm : public SimInstrument {
 public:
  SimDmm();

  // What the meter sees at its input for `function` (V, A, ohm, Hz).
  void set_value(DmmFunction function, double value);

  // Config keys: dc_voltage, ac_voltage, dc_current, ac_current,
  // resistance, frequency.
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  struct FunctionState {
    std::optional<double> range;  // nullopt: autorange
    double nplc = 10.0;
  };
  std::string reading(DmmFunction function);
  // CONF:<function> [range]: the function and its range (AUTO when absent).
  void configure_function(DmmFunction function, const Call& call);
  double autorange(DmmFunction function) const;

  std::array<double, 6> values_{};
  std::array<FunctionState, 6> state_{};
  DmmFunction function_ = DmmFunction::dc_voltage;
  std::optional<std::string> fetched_;  // INIT's reading, for FETC?
};

}  // namespace litmus::sim
