#include "litmus/instruments/function_generator.hpp"

#include <mutex>
#include <nlohmann/json.hpp>

#include "instruments/argument_checks.hpp"
#include "instruments/each_number.hpp"

namespace litmus {

std::string_view to_string(WaveShape shape) {
  switch (shape) {
    case WaveShape::sine:
      return "sine";
    case WaveShape::square:
      return "square";
    case WaveShape::ramp:
      return "ramp";
    case WaveShape::pulse:
      return "pulse";
    case WaveShape::noise:
      return "noise";
    case WaveShape::dc:
      return "dc";
  }
  return "unknown";
}

FunctionGenerator::FunctionGenerator(InstrumentBinding binding, std::unique_ptr<FunctionGeneratorDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

FunctionGenerator::~FunctionGenerator() = default;

int FunctionGenerator::channel_count() const { return driver_->channel_count(); }

void FunctionGenerator::set_shape(WaveShape shape, int channel) {
  require_number_in_range(role(), "set_shape", "channel", channel, channel_count());
  record_set("set_shape", "shape", to_string(shape), "", {{"output", channel}},
             [&] { driver_->set_shape(channel, shape); });
}

void FunctionGenerator::set_frequency(double hertz, int channel) {
  require_positive(role(), "set_frequency", hertz, "Hz");
  require_number_in_range(role(), "set_frequency", "channel", channel, channel_count());
  record_set("set_frequency", "frequency", hertz, "Hz", {{"output", channel}},
             [&] { driver_->set_frequency(channel, hertz); });
}

void FunctionGenerator::set_amplitude(double volts_peak_to_peak, int channel) {
  require_positive(role(), "set_amplitude", volts_peak_to_peak, "Vpp");
  require_number_in_range(role(), "set_amplitude", "channel", channel, channel_count());
  record_set("set_amplitude", "amplitude", volts_peak_to_peak, "Vpp", {{"output", channel}},
             [&] { driver_->set_amplitude(channel, volts_peak_to_peak); });
}

void FunctionGenerator::set_offset(double volts, int channel) {
  require_finite(role(), "set_offset", volts, "V");
  require_number_in_range(role(), "set_offset", "channel", channel, channel_count());
  record_set("set_offset", "offset", volts, "V", {{"output", channel}}, [&] { driver_->set_offset(channel, volts); });
}

void FunctionGenerator::enable_output(int channel) {
  require_number_in_range(role(), "enable_output", "channel", channel, channel_count());
  record_set("enable_output", "output", true, "", {{"output", channel}}, [&] { driver_->set_output(channel, true); });
}

void FunctionGenerator::disable_output(int channel) {
  require_number_in_range(role(), "disable_output", "channel", channel, channel_count());
  record_set("disable_output", "output", false, "", {{"output", channel}},
             [&] { driver_->set_output(channel, false); });
}

void FunctionGenerator::make_safe() {
  std::lock_guard lock(call_mutex());
  for_each_number(channel_count(), [this](int channel) { disable_output(channel); });
}

}  // namespace litmus
