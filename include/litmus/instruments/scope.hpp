#pragma once

#include <memory>
#include <string_view>

#include "litmus/instrument.hpp"
#include "litmus/waveform.hpp"

namespace litmus {

enum class TriggerSlope { rising, falling };

// What an oscilloscope driver implements. `channel` is the instrument's
// channel name as the test writes it: "ch1" … "ch4" (drivers map it to
// their own syntax, CHAN1 / CHANnel1 / C1).
class ScopeDriver {
 public:
  virtual ~ScopeDriver() = default;
  // The channel's current record (stops nothing: the driver reads what the
  // scope holds), with x_origin/x_increment from the preamble and samples
  // scaled to volts.
  virtual Waveform read_waveform(std::string_view channel) = 0;
  virtual void set_timebase(double seconds_per_division) = 0;
  virtual void set_vertical_scale(std::string_view channel, double volts_per_division) = 0;
  virtual void set_channel_enabled(std::string_view channel, bool on) = 0;
  virtual void set_trigger(std::string_view source, double level_volts, TriggerSlope slope) = 0;
  virtual void run() = 0;
  virtual void stop() = 0;
  virtual void single() = 0;  // arm one acquisition
};

// Oscilloscope. read_waveform("ch1") is an instrument.read event on channel
// "<role>.ch1" whose samples go to the ChannelStore; the setters are
// instrument.configure events.
class Scope : public Instrument {
 public:
  Scope(InstrumentBinding binding, std::unique_ptr<ScopeDriver> driver);
  ~Scope() override;

  Waveform read_waveform(std::string_view channel = "ch1");

  // Throw litmus::Error for a scale that is not finite and positive.
  void set_timebase(double seconds_per_division);
  void set_vertical_scale(std::string_view channel, double volts_per_division);
  void enable_channel(std::string_view channel);
  void disable_channel(std::string_view channel);
  void set_trigger(std::string_view source, double level_volts, TriggerSlope slope = TriggerSlope::rising);
  void run();
  void stop();
  void single();

  ScopeDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<ScopeDriver> driver_;
};

}  // namespace litmus
