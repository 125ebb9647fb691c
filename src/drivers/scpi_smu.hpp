#pragma once
// The generic SCPI source-measure unit driver ("scpi"), Keithley 2400
// style: SOUR:FUNC VOLT;:SOUR:VOLT v (or CURR), SENS:CURR:PROT /
// SENS:VOLT:PROT for compliance, OUTP ON|OFF (setters followed by an
// error-queue check), MEAS:VOLT?, MEAS:CURR?.

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiSmu : public SmuDriver {
 public:
  explicit ScpiSmu(DriverContext& ctx) : io_(ctx.io) {}

  void source_voltage(double volts) override;
  void source_current(double amps) override;
  void set_current_compliance(double amps) override;
  void set_voltage_compliance(double volts) override;
  void set_output(bool on) override;
  double measure_voltage() override { return io_.query_number("MEAS:VOLT?"); }
  double measure_current() override { return io_.query_number("MEAS:CURR?"); }

 private:
  ScpiConnection& io_;
};

}  // namespace litmus::drivers
