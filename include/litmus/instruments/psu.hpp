#pragma once

#include <memory>

#include "litmus/instrument.hpp"

namespace litmus {

// What a power supply driver (mock, SCPI, model-specific) implements.
// `output` counts from 1 (a single-output supply only ever sees 1).
class PsuDriver {
 public:
  virtual ~PsuDriver() = default;
  virtual void set_voltage(int output, double volts) = 0;
  virtual void set_current_limit(int output, double amps) = 0;
  virtual void set_output(int output, bool on) = 0;
  virtual double measure_voltage(int output) = 0;
  virtual double measure_current(int output) = 0;
  // How many outputs the supply has (make_safe turns every one off).
  virtual int output_count() const { return 1; }
};

// Power supply. Setters are instrument.set events (settings "voltage" in V,
// "current_limit" in A, "output" true/false, payload "output": n);
// measurements are instrument.read events on channel "<role>.voltage" /
// "<role>.current" for output 1 and "<role>.ch<n>.voltage" for output n ≥ 2.
// make_safe() turns every output off, so the session's end never leaves the
// supply driving the bench.
class Psu : public Instrument {
 public:
  Psu(InstrumentBinding binding, std::unique_ptr<PsuDriver> driver);
  ~Psu() override;

  // Throw litmus::Error naming the role and method, without touching the
  // supply, for a negative, NaN or infinite value or an output outside
  // 1..output_count().
  void set_voltage(double volts, int output = 1);
  void set_current_limit(double amps, int output = 1);

  void enable_output(int output = 1);
  void disable_output(int output = 1);

  double measure_voltage(int output = 1);  // volts at the output
  double measure_current(int output = 1);  // amperes drawn

  int output_count() const;
  void make_safe() override;  // every output off

  PsuDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<PsuDriver> driver_;
};

}  // namespace litmus
