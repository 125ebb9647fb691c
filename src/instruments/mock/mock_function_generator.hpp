#pragma once

#include <vector>

#include "litmus/instruments/function_generator.hpp"

namespace litmus {

// What one channel of a generator has been told.
struct FunctionGeneratorChannel {
  WaveShape shape = WaveShape::sine;
  double frequency = 0;
  double amplitude = 0;
  double offset = 0;
  bool output = false;
};

// A function generator: it only takes settings, so it needs no mock_config
// and remembers what it was told, per channel.
class MockFunctionGenerator : public FunctionGeneratorDriver {
 public:
  explicit MockFunctionGenerator(int channel_count = 1) : channels_(static_cast<std::size_t>(channel_count)) {}
  void set_shape(int channel, WaveShape shape) override { at(channel).shape = shape; }
  void set_frequency(int channel, double hertz) override { at(channel).frequency = hertz; }
  void set_amplitude(int channel, double volts_peak_to_peak) override { at(channel).amplitude = volts_peak_to_peak; }
  void set_offset(int channel, double volts) override { at(channel).offset = volts; }
  void set_output(int channel, bool on) override { at(channel).output = on; }
  int channel_count() const override { return static_cast<int>(channels_.size()); }

  const FunctionGeneratorChannel& channel(int channel) const {
    return channels_.at(static_cast<std::size_t>(channel - 1));
  }

 private:
  FunctionGeneratorChannel& at(int channel) { return channels_.at(static_cast<std::size_t>(channel - 1)); }

  std::vector<FunctionGeneratorChannel> channels_;  // [0] is channel 1
};

}  // namespace litmus
