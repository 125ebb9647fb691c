#pragma once
// Builds the recorded instrument for one station entry, with the driver
// its config asks for.

#include <memory>

#include "config/station_config.hpp"
#include "litmus/instrument.hpp"

namespace litmus {

// `mock`: whether this instrument is mocked (station-wide or its own
// `mock: true`). Throws ConfigError naming the station file and role when
// no driver can serve it.
std::unique_ptr<Instrument> make_instrument(const config::StationConfig& station,
                                            const config::InstrumentConfig& config, InstrumentBinding binding,
                                            bool mock);

}  // namespace litmus
