#pragma once

#include <memory>

#include "litmus/instrument.hpp"

namespace litmus {

// What a power supply driver (mock, SCPI, model-specific) implements.
class PsuDriver {
 public:
  virtual ~PsuDriver() = default;
  virtual void set_voltage(double volts) = 0;
  virtual void set_current_limit(double amps) = 0;
  virtual void set_output(bool on) = 0;
  virtual double measure_voltage() = 0;
  virtual double measure_current() = 0;
};

// Power supply (one output). Setters are instrument.set events (settings
// "voltage" in V, "current_limit" in A, "output" true/false); measurements
// are instrument.read events on channel "<role>.voltage" or
// "<role>.current". make_safe() turns the output off, so the session's end
// never leaves the supply driving the bench.
class Psu : public Instrument {
 public:
  Psu(InstrumentBinding binding, std::unique_ptr<PsuDriver> driver);
  ~Psu() override;

  // Throw litmus::Error naming the role and method, without touching the
  // supply, for a negative, NaN or infinite value.
  void set_voltage(double volts);
  void set_current_limit(double amps);

  void enable_output();
  void disable_output();

  double measure_voltage();  // volts at the output
  double measure_current();  // amperes drawn

  void make_safe() override;  // disable_output()

 private:
  std::unique_ptr<PsuDriver> driver_;
};

}  // namespace litmus
