#pragma once
// The generic SCPI oscilloscope driver ("scpi"), Keysight InfiniiVision
// style: a waveform is :WAV:SOUR CHAN<n>;:WAV:FORM BYTE, then :WAV:PRE?
// and one :WAV:DATA? block (the points the scope's :WAV:POIN mode gives:
// the screen unless set otherwise), scaled as (raw - yref) * yinc +
// yorigin. Settings: :TIM:SCAL, :CHAN<n>:SCAL,
// :CHAN<n>:DISP, :TRIG:EDGE:SOUR/LEV/SLOP, :RUN, :STOP, :SING, each
// followed by an error-queue check. Channel "ch<n>" is CHAN<n>.

#include <string>

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiScope : public ScopeDriver {
 public:
  explicit ScpiScope(DriverContext& ctx) : io_(ctx.io), role_(ctx.role) {}

  Waveform read_waveform(std::string_view channel) override;
  void set_timebase(double seconds_per_division) override;
  void set_vertical_scale(std::string_view channel, double volts_per_division) override;
  void set_channel_enabled(std::string_view channel, bool on) override;
  void set_trigger(std::string_view source, double level_volts, TriggerSlope slope) override;
  void run() override;
  void stop() override;
  void single() override;

 protected:
  // "ch2" -> "CHAN2"; litmus::Error (a test's mistake, nothing sent) for
  // a name other than ch1 ... ch4.
  std::string scpi_channel(std::string_view channel) const;

  ScpiConnection& io_;
  std::string role_;
};

}  // namespace litmus::drivers
