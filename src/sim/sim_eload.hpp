#pragma once
// A simulated electronic load (generic SCPI: [SOUR:]FUNC CURR|VOLT|RES|POW
// or MODE CC|CV|CR|CP, [SOUR:]CURR / VOLT / RES / POW levels, INP ON|OFF,
// MEAS:VOLT? / CURR? / POW?). It sinks from a source modelled as a voltage
// behind a resistance, so what it measures follows its mode and setpoint
// as on a bench: 12 V behind 0.1 ohm in CC 2 A reads 11.8 V.

#include <array>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

class SimELoad : public SimInstrument {
 public:
  SimELoad();

  void set_source(double volts, double ohms);

  // Config keys: source_voltage, source_resistance, max_current.
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  struct Point {
    double voltage;
    double current;
  };
  Point operating_point() const;

  std::size_t mode_ = 0;  // index of CURR, VOLT, RES, POW
  std::array<double, 4> levels_{};
  bool input_ = false;
  double source_voltage_ = 12.0;
  double source_resistance_ = 0.1;
  double max_current_ = 30.0;
};

}  // namespace litmus::sim
