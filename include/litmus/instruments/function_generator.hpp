#pragma once

#include <memory>
#include <string_view>

#include "litmus/instrument.hpp"

namespace litmus {

enum class WaveShape { sine, square, ramp, pulse, noise, dc };
std::string_view to_string(WaveShape shape);  // "sine", ...

// What a function generator driver implements. `channel` counts from 1.
class FunctionGeneratorDriver {
 public:
  virtual ~FunctionGeneratorDriver() = default;
  virtual void set_shape(int channel, WaveShape shape) = 0;
  virtual void set_frequency(int channel, double hertz) = 0;
  virtual void set_amplitude(int channel, double volts_peak_to_peak) = 0;
  virtual void set_offset(int channel, double volts) = 0;
  virtual void set_output(int channel, bool on) = 0;
  virtual int channel_count() const { return 1; }
};

// Function / arbitrary waveform generator. Every call is an instrument.set
// event (settings "shape", "frequency" Hz, "amplitude" Vpp, "offset" V,
// "output"; payload "output": channel). make_safe() turns every channel's
// output off.
class FunctionGenerator : public Instrument {
 public:
  FunctionGenerator(InstrumentBinding binding, std::unique_ptr<FunctionGeneratorDriver> driver);
  ~FunctionGenerator() override;

  void set_shape(WaveShape shape, int channel = 1);
  // Throw litmus::Error for a frequency or amplitude that is not finite and
  // positive, a non-finite offset, or a channel outside 1..channel_count().
  void set_frequency(double hertz, int channel = 1);
  void set_amplitude(double volts_peak_to_peak, int channel = 1);
  void set_offset(double volts, int channel = 1);
  void enable_output(int channel = 1);
  void disable_output(int channel = 1);

  int channel_count() const;
  void make_safe() override;

  FunctionGeneratorDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<FunctionGeneratorDriver> driver_;
};

}  // namespace litmus
