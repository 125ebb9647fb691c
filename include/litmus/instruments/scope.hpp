#pragma once

#include <memory>
#include <string_view>

#include "litmus/instrument.hpp"
#include "litmus/waveform.hpp"

namespace litmus {

// What an oscilloscope driver implements. `channel` is the instrument's
// channel name ("ch1").
class ScopeDriver {
 public:
  virtual ~ScopeDriver() = default;
  virtual Waveform read_waveform(std::string_view channel) = 0;
};

// Oscilloscope. read_waveform("ch1") is an instrument.read event on channel
// "<role>.ch1" whose samples go to the ChannelStore.
class Scope : public Instrument {
 public:
  Scope(InstrumentBinding binding, std::unique_ptr<ScopeDriver> driver);
  ~Scope() override;

  Waveform read_waveform(std::string_view channel = "ch1");

 private:
  std::unique_ptr<ScopeDriver> driver_;
};

}  // namespace litmus
