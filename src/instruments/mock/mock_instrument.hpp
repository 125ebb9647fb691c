#pragma once
// The mock face of a station instrument (SPEC A4): the recorded instrument
// of its type around a mock driver answering from mock_config, talking raw
// SCPI to a MockTransport.

#include <memory>

#include "config/station_config.hpp"
#include "litmus/instrument.hpp"

namespace litmus {

// Sets binding.driver ("mock"), channels and io. Returns null for a type
// without a mock (none: every type in instrument_types() has one).
std::unique_ptr<Instrument> make_mock_instrument(const config::InstrumentConfig& config, InstrumentBinding binding);

}  // namespace litmus
