#pragma once
// Builds the recorded instrument for one station entry, with the driver
// its config asks for: a mock (answering from mock_config), or the
// registered driver named by `driver:` ("scpi" when absent) over a
// connection to `resource:`.
//
// Identity checks, calibration and resource locking are the caller's
// (src/station/): after a real instrument is made, its connection is open
// and Instrument::connection().identify() asks *IDN?.

#include <chrono>
#include <memory>

#include "config/station_config.hpp"
#include "litmus/instrument.hpp"

namespace litmus {

struct InstrumentFactorySettings {
  // Whether this instrument is mocked (station-wide or its own `mock:
  // true`).
  bool mock = false;
  // Opening the transport, and every I/O call after it.
  std::chrono::milliseconds io_timeout{2000};
};

// `binding` carries the log, context, role, type, resource, identity, asset
// and calibration, and may carry an open `io` for a real instrument (the
// factory then uses it rather than opening `resource:` again); the factory
// sets its driver, channels and io. Throws
// ConfigError naming the station file and role for an unknown driver or a
// missing resource, and InstrumentError (also naming them) when the
// instrument cannot be reached or its driver refuses it.
std::unique_ptr<Instrument> make_instrument(const config::StationConfig& station,
                                            const config::InstrumentConfig& config, InstrumentBinding binding,
                                            const InstrumentFactorySettings& settings);

}  // namespace litmus
