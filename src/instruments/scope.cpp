#include "litmus/instruments/scope.hpp"

#include <string>

namespace litmus {

Scope::Scope(InstrumentBinding binding, std::unique_ptr<ScopeDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Scope::~Scope() = default;

Waveform Scope::read_waveform(std::string_view channel) {
  return record_waveform_read("read_waveform", channel, [&] { return driver_->read_waveform(channel); });
}

}  // namespace litmus
