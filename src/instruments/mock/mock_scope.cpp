#include "instruments/mock/mock_scope.hpp"

namespace litmus {

Waveform MockScope::read_waveform(std::string_view channel) {
  MockArray array = methods_.next_array({"read_waveform"}, channel);
  Waveform waveform;
  waveform.samples = std::move(array.samples);
  waveform.x_increment = array.x_increment;
  return waveform;
}

void MockScope::set_vertical_scale(std::string_view channel, double volts_per_division) {
  settings_.volts_per_division.insert_or_assign(std::string(channel), volts_per_division);
}

void MockScope::set_channel_enabled(std::string_view channel, bool on) {
  settings_.enabled.insert_or_assign(std::string(channel), on);
}

void MockScope::set_trigger(std::string_view source, double level_volts, TriggerSlope slope) {
  settings_.trigger_source = source;
  settings_.trigger_level = level_volts;
  settings_.trigger_slope = slope;
}

}  // namespace litmus
