#include "drivers/scpi_fgen.hpp"

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"

namespace litmus::drivers {

namespace {

std::string_view shape_name(WaveShape shape) {
  switch (shape) {
    case WaveShape::sine:
      return "SIN";
    case WaveShape::square:
      return "SQU";
    case WaveShape::ramp:
      return "RAMP";
    case WaveShape::pulse:
      return "PULS";
    case WaveShape::noise:
      return "NOIS";
    case WaveShape::dc:
      return "DC";
  }
  return "SIN";
}

std::string source(int channel) { return "SOUR" + std::to_string(channel) + ":"; }

}  // namespace

ScpiFunctionGenerator::ScpiFunctionGenerator(DriverContext& ctx)
    : io_(ctx.io), channels_(ctx.channels.empty() ? 1 : static_cast<int>(ctx.channels.size())) {}

void ScpiFunctionGenerator::set_shape(int channel, WaveShape shape) {
  write_checked(io_, source(channel) + "FUNC " + std::string(shape_name(shape)));
}

void ScpiFunctionGenerator::set_frequency(int channel, double hertz) {
  write_checked(io_, source(channel) + "FREQ " + scpi_number(hertz));
}

void ScpiFunctionGenerator::set_amplitude(int channel, double volts_peak_to_peak) {
  write_checked(io_, source(channel) + "VOLT " + scpi_number(volts_peak_to_peak));
}

void ScpiFunctionGenerator::set_offset(int channel, double volts) {
  write_checked(io_, source(channel) + "VOLT:OFFS " + scpi_number(volts));
}

void ScpiFunctionGenerator::set_output(int channel, bool on) {
  write_checked(io_, "OUTP" + std::to_string(channel) + " " + std::string(on_off(on)));
}

}  // namespace litmus::drivers
