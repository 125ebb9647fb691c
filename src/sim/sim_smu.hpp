#pragma once
// A simulated source-measure unit (Keithley 2400 style SCPI:
// SOUR:FUNC VOLT|CURR, SOUR:VOLT, SOUR:CURR, SENS:CURR:PROT,
// SENS:VOLT:PROT, OUTP ON|OFF, MEAS:VOLT?, MEAS:CURR?) driving a resistor:
// sourcing voltage, the current follows V/R up to the current compliance;
// sourcing current, the voltage follows I*R up to the voltage compliance.

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

class SimSmu : public SimInstrument {
 public:
  SimSmu();

  void set_load(double ohms);  // 0: nothing connected

  // Config key: load_ohms.
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  struct Point {
    double voltage;
    double current;
  };
  Point operating_point() const;

  bool source_current_ = false;
  double voltage_ = 0.0;
  double current_ = 0.0;
  double current_compliance_ = 0.105;
  double voltage_compliance_ = 21.0;
  bool output_ = false;
  double load_ohms_ = 1000.0;
};

}  // namespace litmus::sim
