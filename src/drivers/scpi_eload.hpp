#pragma once
// The generic SCPI electronic load driver ("scpi"): FUNC CURR|VOLT|RES|POW,
// the level as CURR / VOLT / RES / POW <value>, INP ON|OFF (setters
// followed by an error-queue check), MEAS:VOLT?, MEAS:CURR?, MEAS:POW?.

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiELoad : public ELoadDriver {
 public:
  explicit ScpiELoad(DriverContext& ctx) : io_(ctx.io) {}

  void set_mode(LoadMode mode) override;
  void set_level(LoadMode mode, double value) override;
  void set_input(bool on) override;
  double measure_voltage() override { return io_.query_number("MEAS:VOLT?"); }
  double measure_current() override { return io_.query_number("MEAS:CURR?"); }
  double measure_power() override { return io_.query_number("MEAS:POW?"); }

 private:
  ScpiConnection& io_;
};

}  // namespace litmus::drivers
