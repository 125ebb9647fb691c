#pragma once

#include <memory>

#include "litmus/instrument.hpp"

namespace litmus {

// What a DMM driver (mock, SCPI, model-specific) implements.
class DmmDriver {
 public:
  virtual ~DmmDriver() = default;
  virtual double measure_dc_voltage() = 0;
  virtual double measure_ac_voltage() = 0;
  virtual double measure_current() = 0;
  virtual double measure_resistance() = 0;
};

// Digital multimeter. Each call is an instrument.read event on channel
// "<role>.voltage", "<role>.ac_voltage", "<role>.current" or
// "<role>.resistance".
class Dmm : public Instrument {
 public:
  Dmm(InstrumentBinding binding, std::unique_ptr<DmmDriver> driver);
  ~Dmm() override;

  double measure_voltage();  // DC volts; same as measure_dc_voltage()
  double measure_dc_voltage();
  double measure_ac_voltage();
  double measure_current();     // DC amperes
  double measure_resistance();  // ohms

 private:
  std::unique_ptr<DmmDriver> driver_;
};

}  // namespace litmus
