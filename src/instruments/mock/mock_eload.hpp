#pragma once

#include <map>
#include <optional>

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/eload.hpp"

namespace litmus {

// What a load has been told.
struct ELoadSettings {
  std::optional<LoadMode> mode;       // nullopt: never set
  std::map<LoadMode, double> levels;  // setpoint of each mode
  bool input = false;
};

// An electronic load whose measurements come from mock_config; settings
// are remembered and change no measurement.
class MockELoad : public ELoadDriver {
 public:
  explicit MockELoad(MockMethods methods) : methods_(std::move(methods)) {}
  void set_mode(LoadMode mode) override { settings_.mode = mode; }
  void set_level(LoadMode mode, double value) override { settings_.levels[mode] = value; }
  void set_input(bool on) override { settings_.input = on; }
  double measure_voltage() override { return methods_.next_scalar({"measure_voltage"}); }
  double measure_current() override { return methods_.next_scalar({"measure_current"}); }
  double measure_power() override { return methods_.next_scalar({"measure_power"}); }

  const ELoadSettings& settings() const { return settings_; }

 private:
  MockMethods methods_;
  ELoadSettings settings_;
};

}  // namespace litmus
