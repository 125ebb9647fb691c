#pragma once
// The generic SCPI power supply driver ("scpi"). On a multi-output supply
// (the station file's `channels:` names the outputs) each command is
// prefixed with INST:NSEL <n>; then VOLT, CURR, OUTP ON|OFF, MEAS:VOLT?,
// MEAS:CURR?. Setters are followed by an error-queue check.

#include <string>

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiPsu : public PsuDriver {
 public:
  explicit ScpiPsu(DriverContext& ctx);

  void set_voltage(int output, double volts) override;
  void set_current_limit(int output, double amps) override;
  void set_output(int output, bool on) override;
  double measure_voltage(int output) override;
  double measure_current(int output) override;
  int output_count() const override { return outputs_; }

 private:
  // "INST:NSEL 2;:" on a multi-output supply, else nothing.
  std::string select(int output) const;

  ScpiConnection& io_;
  int outputs_;
};

}  // namespace litmus::drivers
