#pragma once

#include <map>
#include <string>

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/scope.hpp"

namespace litmus {

// What a scope has been told.
struct ScopeSettings {
  double seconds_per_division = 0;
  std::map<std::string, double, std::less<>> volts_per_division;  // by channel
  std::map<std::string, bool, std::less<>> enabled;               // by channel
  std::string trigger_source;
  double trigger_level = 0;
  TriggerSlope trigger_slope = TriggerSlope::rising;
  std::string acquisition = "run";  // "run", "stop" or "single"
};

// A scope whose read_waveform comes from mock_config (a generator, or one
// per channel keyed by channel name); its settings are remembered and
// shape no waveform.
class MockScope : public ScopeDriver {
 public:
  explicit MockScope(MockMethods methods) : methods_(std::move(methods)) {}
  Waveform read_waveform(std::string_view channel) override;
  void set_timebase(double seconds_per_division) override { settings_.seconds_per_division = seconds_per_division; }
  void set_vertical_scale(std::string_view channel, double volts_per_division) override;
  void set_channel_enabled(std::string_view channel, bool on) override;
  void set_trigger(std::string_view source, double level_volts, TriggerSlope slope) override;
  void run() override { settings_.acquisition = "run"; }
  void stop() override { settings_.acquisition = "stop"; }
  void single() override { settings_.acquisition = "single"; }

  const ScopeSettings& settings() const { return settings_; }

 private:
  MockMethods methods_;
  ScopeSettings settings_;
};

}  // namespace litmus
