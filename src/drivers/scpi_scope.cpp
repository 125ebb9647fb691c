#include "drivers/scpi_scope.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"
#include "drivers/waveform_preamble.hpp"

namespace litmus::drivers {

std::string ScpiScope::scpi_channel(std::string_view channel) const {
  return "CHAN" + std::to_string(channel_number(role_, channel, 4));
}

Waveform ScpiScope::read_waveform(std::string_view channel) {
  write_checked(io_, ":WAV:SOUR " + scpi_channel(channel) + ";:WAV:FORM BYTE");
  const WaveformPreamble preamble = parse_preamble(io_.query(":WAV:PRE?"), io_.resource());
  Waveform waveform;
  waveform.channel = std::string(channel);
  waveform.samples.reserve(preamble.points);
  append_block(io_.query_block(":WAV:DATA?"), preamble.format, keysight_scaling(preamble), io_.resource(), waveform);
  waveform.x_origin = preamble.first_x();
  waveform.x_increment = preamble.x_increment;
  return waveform;
}

void ScpiScope::set_timebase(double seconds_per_division) {
  write_checked(io_, ":TIM:SCAL " + scpi_number(seconds_per_division));
}

void ScpiScope::set_vertical_scale(std::string_view channel, double volts_per_division) {
  write_checked(io_, ":" + scpi_channel(channel) + ":SCAL " + scpi_number(volts_per_division));
}

void ScpiScope::set_channel_enabled(std::string_view channel, bool on) {
  write_checked(io_, ":" + scpi_channel(channel) + ":DISP " + std::string(on_off(on)));
}

void ScpiScope::set_trigger(std::string_view source, double level_volts, TriggerSlope slope) {
  write_checked(io_, ":TRIG:EDGE:SOUR " + scpi_channel(source) + ";:TRIG:EDGE:LEV " + scpi_number(level_volts) +
                         ";:TRIG:EDGE:SLOP " + (slope == TriggerSlope::rising ? "POS" : "NEG"));
}

void ScpiScope::run() { write_checked(io_, ":RUN"); }

void ScpiScope::stop() { write_checked(io_, ":STOP"); }

void ScpiScope::single() { write_checked(io_, ":SING"); }

}  // namespace litmus::drivers
