#pragma once
// The generic SCPI DMM driver ("scpi"): MEAS:<function>? [range] for each
// reading, [SENS:]<function>:RANG / :RANG:AUTO ON and :NPLC for the
// settings (each followed by an error-queue check).

#include <array>
#include <optional>

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiDmm : public DmmDriver {
 public:
  explicit ScpiDmm(DriverContext& ctx) : io_(ctx.io) {}

  double measure_dc_voltage() override { return measure(DmmFunction::dc_voltage); }
  double measure_ac_voltage() override { return measure(DmmFunction::ac_voltage); }
  double measure_current() override { return measure(DmmFunction::dc_current); }
  double measure_ac_current() override { return measure(DmmFunction::ac_current); }
  double measure_resistance() override { return measure(DmmFunction::resistance); }
  double measure_frequency() override { return measure(DmmFunction::frequency); }
  void set_range(DmmFunction function, std::optional<double> range) override;
  // Throws InstrumentError, sending nothing, for AC and frequency, which
  // have no NPLC.
  void set_nplc(DmmFunction function, double nplc) override;

 protected:
  // One reading of `function`.
  virtual double measure(DmmFunction function);
  // The range set for `function`; nullopt: autorange.
  const std::optional<double>& range(DmmFunction function) const {
    return ranges_[static_cast<std::size_t>(function)];
  }

  ScpiConnection& io_;

 private:
  std::array<std::optional<double>, 6> ranges_;
};

}  // namespace litmus::drivers
