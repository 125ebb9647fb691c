#pragma once
// Connecting one station instrument (SPEC A4, A5): for a real one, take
// its resource lock, open the transport, ask *IDN? and compare it with the
// asset file; for a mock, take the identity from the asset file. Either
// way, check the calibration due date, build the recorded instrument with
// its driver, and emit instrument.connected (plus
// instrument.identity_verified and instrument.calibration_warning).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "config/project_config.hpp"
#include "config/station_config.hpp"
#include "litmus/event.hpp"
#include "litmus/instrument.hpp"
#include "station/calibration_status.hpp"
#include "station/resource_lock.hpp"

namespace litmus {

class EventLog;

struct InstrumentConnectSettings {
  bool mock_all = false;                         // every role mocked
  std::chrono::milliseconds lock_wait{0};        // --instrument-timeout
  std::chrono::milliseconds io_timeout{2000};    // per I/O call
  std::string phase;                             // "production" refuses overdue calibration
  bool allow_overdue_calibration = false;
  std::chrono::sys_days today = utc_today();
};

struct ConnectedInstrument {
  std::unique_ptr<Instrument> instrument;
  // Held while the session lasts; none for a mock (mocks never lock).
  std::optional<ResourceLock> lock;
  CalibrationStatus calibration;
};

// Throws ConfigError for a bad station entry or asset reference, and
// InstrumentError when the resource is busy, unreachable, or (production
// phase) past its calibration due date — each naming the role. Events are
// emitted on `log` with `context` (role set).
ConnectedInstrument connect_instrument(const config::ProjectConfig& project, const config::StationConfig& station,
                                       const config::InstrumentConfig& config,
                                       const InstrumentConnectSettings& settings, EventLog& log,
                                       const EventContext* context);

}  // namespace litmus
