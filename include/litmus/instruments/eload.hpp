#pragma once

#include <memory>
#include <string_view>

#include "litmus/instrument.hpp"

namespace litmus {

// The regulation mode of an electronic load.
enum class LoadMode { constant_current, constant_voltage, constant_resistance, constant_power };
std::string_view to_string(LoadMode mode);  // "cc", "cv", "cr", "cp"

// What an electronic load driver implements.
class ELoadDriver {
 public:
  virtual ~ELoadDriver() = default;
  virtual void set_mode(LoadMode mode) = 0;
  // The setpoint of `mode` (A, V, Ω or W).
  virtual void set_level(LoadMode mode, double value) = 0;
  virtual void set_input(bool on) = 0;
  virtual double measure_voltage() = 0;
  virtual double measure_current() = 0;
  virtual double measure_power() = 0;
};

// Electronic load. set_mode is an instrument.configure event; set_current,
// set_voltage, set_resistance, set_power and enable/disable_input are
// instrument.set events (settings "current" A, "voltage" V, "resistance"
// Ohm, "power" W, "input"); measurements are instrument.read events on
// "<role>.voltage", "<role>.current", "<role>.power". make_safe() turns the
// input off.
class ELoad : public Instrument {
 public:
  ELoad(InstrumentBinding binding, std::unique_ptr<ELoadDriver> driver);
  ~ELoad() override;

  void set_mode(LoadMode mode);
  // Each selects its mode first when the load is in another one. Throw
  // litmus::Error for a negative, NaN or infinite value.
  void set_current(double amps);
  void set_voltage(double volts);
  void set_resistance(double ohms);
  void set_power(double watts);
  void enable_input();
  void disable_input();

  double measure_voltage();
  double measure_current();
  double measure_power();

  void make_safe() override;  // disable_input()

  ELoadDriver& driver() { return *driver_; }

 private:
  // set_current … set_power: the mode (switched first when needed) and its level.
  void set_level(LoadMode mode, double value);

  std::unique_ptr<ELoadDriver> driver_;
  LoadMode mode_ = LoadMode::constant_current;
  bool mode_known_ = false;  // until set once, the load's own mode is unknown
};

}  // namespace litmus
