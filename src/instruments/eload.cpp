#include "litmus/instruments/eload.hpp"

#include <mutex>
#include <nlohmann/json.hpp>

#include "instruments/argument_checks.hpp"

namespace litmus {

std::string_view to_string(LoadMode mode) {
  switch (mode) {
    case LoadMode::constant_current:
      return "cc";
    case LoadMode::constant_voltage:
      return "cv";
    case LoadMode::constant_resistance:
      return "cr";
    case LoadMode::constant_power:
      return "cp";
  }
  return "unknown";
}

ELoad::ELoad(InstrumentBinding binding, std::unique_ptr<ELoadDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

ELoad::~ELoad() = default;

void ELoad::set_mode(LoadMode mode) {
  std::lock_guard lock(call_mutex());
  record_configure("set_mode", {{"mode", to_string(mode)}}, [&] { driver_->set_mode(mode); });
  mode_ = mode;
  mode_known_ = true;
}

namespace {

struct LevelSetting {
  const char* method;
  const char* setting;
  const char* units;
};

LevelSetting level_setting(LoadMode mode) {
  switch (mode) {
    case LoadMode::constant_current:
      return {"set_current", "current", "A"};
    case LoadMode::constant_voltage:
      return {"set_voltage", "voltage", "V"};
    case LoadMode::constant_resistance:
      return {"set_resistance", "resistance", "Ohm"};
    case LoadMode::constant_power:
      return {"set_power", "power", "W"};
  }
  return {"set_level", "level", ""};
}

}  // namespace

// The four setpoint methods differ only in their mode; the mode switch and
// the level are one call under the call mutex, so the signal watcher's
// make_safe() cannot land between them.
void ELoad::set_level(LoadMode mode, double value) {
  const LevelSetting setting = level_setting(mode);
  require_non_negative(role(), setting.method, value, setting.units);
  std::lock_guard lock(call_mutex());
  if (!mode_known_ || mode_ != mode) set_mode(mode);
  record_set(setting.method, setting.setting, value, setting.units, [&] { driver_->set_level(mode, value); });
}

void ELoad::set_current(double amps) { set_level(LoadMode::constant_current, amps); }
void ELoad::set_voltage(double volts) { set_level(LoadMode::constant_voltage, volts); }
void ELoad::set_resistance(double ohms) { set_level(LoadMode::constant_resistance, ohms); }
void ELoad::set_power(double watts) { set_level(LoadMode::constant_power, watts); }

void ELoad::enable_input() {
  record_set("enable_input", "input", true, "", [this] { driver_->set_input(true); });
}

void ELoad::disable_input() {
  record_set("disable_input", "input", false, "", [this] { driver_->set_input(false); });
}

double ELoad::measure_voltage() {
  return record_scalar_read("measure_voltage", "voltage", "V", [this] { return driver_->measure_voltage(); });
}

double ELoad::measure_current() {
  return record_scalar_read("measure_current", "current", "A", [this] { return driver_->measure_current(); });
}

double ELoad::measure_power() {
  return record_scalar_read("measure_power", "power", "W", [this] { return driver_->measure_power(); });
}

void ELoad::make_safe() { disable_input(); }

}  // namespace litmus
