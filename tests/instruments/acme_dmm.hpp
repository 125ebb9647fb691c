#pragma once
// The docs' example of a user driver (include/litmus/driver_registry.hpp):
// a meter speaking a dialect of its own, "VDC?" for MEAS:VOLT:DC?.

#include <litmus/driver_registry.hpp>
#include <optional>

namespace litmus::testing {

class AcmeDmm : public DmmDriver {
 public:
  explicit AcmeDmm(DriverContext& ctx) : io_(ctx.io) {}
  double measure_dc_voltage() override { return io_.query_number("VDC?"); }
  double measure_ac_voltage() override { return io_.query_number("VAC?"); }
  double measure_current() override { return io_.query_number("IDC?"); }
  double measure_ac_current() override { return io_.query_number("IAC?"); }
  double measure_resistance() override { return io_.query_number("OHM?"); }
  double measure_frequency() override { return io_.query_number("FREQ?"); }
  void set_range(DmmFunction, std::optional<double>) override {}
  void set_nplc(DmmFunction, double) override {}

 private:
  ScpiConnection& io_;
};

}  // namespace litmus::testing
