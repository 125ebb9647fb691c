#pragma once

#include <memory>

#include "litmus/instrument.hpp"

namespace litmus {

// What a source-measure unit driver implements.
class SmuDriver {
 public:
  virtual ~SmuDriver() = default;
  virtual void source_voltage(double volts) = 0;  // and switch to voltage sourcing
  virtual void source_current(double amps) = 0;   // and switch to current sourcing
  virtual void set_current_compliance(double amps) = 0;
  virtual void set_voltage_compliance(double volts) = 0;
  virtual void set_output(bool on) = 0;
  virtual double measure_voltage() = 0;
  virtual double measure_current() = 0;
};

// Source-measure unit. Sourcing, compliance and output are instrument.set
// events (settings "source_voltage" V, "source_current" A,
// "current_compliance" A, "voltage_compliance" V, "output"); measurements
// are instrument.read events on "<role>.voltage" and "<role>.current".
// make_safe() turns the output off.
class Smu : public Instrument {
 public:
  Smu(InstrumentBinding binding, std::unique_ptr<SmuDriver> driver);
  ~Smu() override;

  // Throw litmus::Error for a NaN or infinite value (an SMU sources both
  // polarities) or a compliance that is not positive.
  void source_voltage(double volts);
  void source_current(double amps);
  void set_current_compliance(double amps);
  void set_voltage_compliance(double volts);
  void enable_output();
  void disable_output();
  double measure_voltage();
  double measure_current();

  void make_safe() override;  // disable_output()

  SmuDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<SmuDriver> driver_;
};

}  // namespace litmus
