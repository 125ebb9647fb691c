#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "litmus/instrument.hpp"

namespace litmus {

// What a DMM measures; selects the function a range applies to.
enum class DmmFunction { dc_voltage, ac_voltage, dc_current, ac_current, resistance, frequency };
std::string_view to_string(DmmFunction function);  // "dc_voltage", ...

// What a DMM driver (mock, SCPI, model-specific) implements.
class DmmDriver {
 public:
  virtual ~DmmDriver() = default;
  virtual double measure_dc_voltage() = 0;
  virtual double measure_ac_voltage() = 0;
  virtual double measure_current() = 0;  // DC
  virtual double measure_ac_current() = 0;
  virtual double measure_resistance() = 0;  // 2-wire
  virtual double measure_frequency() = 0;
  // `range` in the function's units; nullopt: autorange.
  virtual void set_range(DmmFunction function, std::optional<double> range) = 0;
  // Integration time in power-line cycles (0.02 … 100 on most meters).
  virtual void set_nplc(DmmFunction function, double nplc) = 0;
};

// Digital multimeter. Each measurement is an instrument.read event on
// channel "<role>.voltage", "<role>.ac_voltage", "<role>.current",
// "<role>.ac_current", "<role>.resistance" or "<role>.frequency"; range and
// NPLC are instrument.configure events.
class Dmm : public Instrument {
 public:
  Dmm(InstrumentBinding binding, std::unique_ptr<DmmDriver> driver);
  ~Dmm() override;

  double measure_voltage();  // DC volts; same as measure_dc_voltage()
  double measure_dc_voltage();
  double measure_ac_voltage();
  double measure_current();  // DC amperes
  double measure_ac_current();
  double measure_resistance();  // ohms
  double measure_frequency();   // hertz

  // Throws litmus::Error (without touching the meter) for a range that is
  // not finite and positive, or an NPLC that is not finite and positive.
  void set_range(DmmFunction function, double range);
  void set_autorange(DmmFunction function);
  void set_nplc(DmmFunction function, double nplc);

  DmmDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<DmmDriver> driver_;
};

}  // namespace litmus
