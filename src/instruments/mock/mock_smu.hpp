#pragma once

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/smu.hpp"

namespace litmus {

// What a source-measure unit has been told.
struct SmuSettings {
  enum class Source { voltage, current };
  Source source = Source::voltage;
  double level = 0;  // of `source`, V or A
  double current_compliance = 0;
  double voltage_compliance = 0;
  bool output = false;

  void source_level(Source what, double value) {
    source = what;
    level = value;
  }
};

// An SMU whose measurements come from mock_config; settings are remembered
// and change no measurement.
class MockSmu : public SmuDriver {
 public:
  explicit MockSmu(MockMethods methods) : methods_(std::move(methods)) {}
  void source_voltage(double volts) override { settings_.source_level(SmuSettings::Source::voltage, volts); }
  void source_current(double amps) override { settings_.source_level(SmuSettings::Source::current, amps); }
  void set_current_compliance(double amps) override { settings_.current_compliance = amps; }
  void set_voltage_compliance(double volts) override { settings_.voltage_compliance = volts; }
  void set_output(bool on) override { settings_.output = on; }
  double measure_voltage() override { return methods_.next_scalar({"measure_voltage"}); }
  double measure_current() override { return methods_.next_scalar({"measure_current"}); }

  const SmuSettings& settings() const { return settings_; }

 private:
  MockMethods methods_;
  SmuSettings settings_;
};

}  // namespace litmus
