#include "litmus/instruments/scope.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "instruments/argument_checks.hpp"

namespace litmus {

namespace {

std::string_view to_string(TriggerSlope slope) { return slope == TriggerSlope::rising ? "rising" : "falling"; }

}  // namespace

Scope::Scope(InstrumentBinding binding, std::unique_ptr<ScopeDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Scope::~Scope() = default;

Waveform Scope::read_waveform(std::string_view channel) {
  require_name(role(), "read_waveform", "channel", channel);
  return record_waveform_read("read_waveform", channel, [&] { return driver_->read_waveform(channel); });
}

void Scope::set_timebase(double seconds_per_division) {
  require_positive(role(), "set_timebase", seconds_per_division, "s/div");
  record_configure("set_timebase", {{"seconds_per_division", seconds_per_division}},
                   [&] { driver_->set_timebase(seconds_per_division); });
}

void Scope::set_vertical_scale(std::string_view channel, double volts_per_division) {
  require_name(role(), "set_vertical_scale", "channel", channel);
  require_positive(role(), "set_vertical_scale", volts_per_division, "V/div");
  record_configure("set_vertical_scale", {{"channel", channel}, {"volts_per_division", volts_per_division}},
                   [&] { driver_->set_vertical_scale(channel, volts_per_division); });
}

void Scope::enable_channel(std::string_view channel) {
  require_name(role(), "enable_channel", "channel", channel);
  record_configure("enable_channel", {{"channel", channel}, {"enabled", true}},
                   [&] { driver_->set_channel_enabled(channel, true); });
}

void Scope::disable_channel(std::string_view channel) {
  require_name(role(), "disable_channel", "channel", channel);
  record_configure("disable_channel", {{"channel", channel}, {"enabled", false}},
                   [&] { driver_->set_channel_enabled(channel, false); });
}

void Scope::set_trigger(std::string_view source, double level_volts, TriggerSlope slope) {
  require_name(role(), "set_trigger", "source", source);
  require_finite(role(), "set_trigger", level_volts, "V");
  record_configure("set_trigger",
                   {{"source", source}, {"level", level_volts}, {"units", "V"}, {"slope", to_string(slope)}},
                   [&] { driver_->set_trigger(source, level_volts, slope); });
}

void Scope::run() {
  record_configure("run", nlohmann::json::object(), [this] { driver_->run(); });
}

void Scope::stop() {
  record_configure("stop", nlohmann::json::object(), [this] { driver_->stop(); });
}

void Scope::single() {
  record_configure("single", nlohmann::json::object(), [this] { driver_->single(); });
}

}  // namespace litmus
