#pragma once
// The generic SCPI function generator driver ("scpi"), Keysight 33500
// style: SOUR<n>:FUNC SIN|SQU|RAMP|PULS|NOIS|DC, SOUR<n>:FREQ,
// SOUR<n>:VOLT (Vpp), SOUR<n>:VOLT:OFFS, OUTP<n> ON|OFF, each followed by
// an error-queue check. Channels: as many as the station file's
// `channels:` names, else 1.

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiFunctionGenerator : public FunctionGeneratorDriver {
 public:
  explicit ScpiFunctionGenerator(DriverContext& ctx);

  void set_shape(int channel, WaveShape shape) override;
  void set_frequency(int channel, double hertz) override;
  void set_amplitude(int channel, double volts_peak_to_peak) override;
  void set_offset(int channel, double volts) override;
  void set_output(int channel, bool on) override;
  int channel_count() const override { return channels_; }

 private:
  ScpiConnection& io_;
  int channels_;
};

}  // namespace litmus::drivers
