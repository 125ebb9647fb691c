#pragma once
// Rigol DP800 series supplies ("rigol_dp800"): :SOUR<n>:VOLT,
// :SOUR<n>:CURR, :OUTP CH<n>,ON|OFF, :MEAS:VOLT? CH<n>, :MEAS:CURR? CH<n>.
// Outputs: as many as the station file's `channels:` names, else 3 (DP831,
// DP832); a DP811 or DP821 lists its one or two.

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class RigolDp800 : public PsuDriver {
 public:
  explicit RigolDp800(DriverContext& ctx);

  void set_voltage(int output, double volts) override;
  void set_current_limit(int output, double amps) override;
  void set_output(int output, bool on) override;
  double measure_voltage(int output) override;
  double measure_current(int output) override;
  int output_count() const override { return outputs_; }

 private:
  ScpiConnection& io_;
  int outputs_;
};

}  // namespace litmus::drivers
