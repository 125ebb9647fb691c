#include "station/station_access.hpp"

#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "config/project_data_dir.hpp"
#include "core/environment.hpp"
#include "station/instrument_connection.hpp"
#include "litmus/event_log.hpp"
#include "litmus/version.hpp"
#include "station/station_impl.hpp"

namespace litmus::detail {

Station StationAccess::open(const config::ProjectConfig& project, const config::StationConfig* station,
                            const ConnectOptions& options) {
  auto impl = std::make_unique<Station::Impl>();
  if (station != nullptr) impl->station = *station;

  const std::filesystem::path data_dir = config::project_data_dir(options.data_dir, project);
  // The most specific say wins: the caller (a flag), the environment, then
  // the project, so --no-mock-instruments reaches real instruments on a
  // project that mocks by default.
  const bool mock_all = options.mock.value_or(env_flag("LITMUS_MOCK_INSTRUMENTS").value_or(project.mock_instruments));
  const std::string operator_name = options.operator_name.empty() ? default_operator() : options.operator_name;
  const std::string dut_serial =
      options.dut_serial.empty() ? env_value("LITMUS_DUT_SERIAL").value_or("") : options.dut_serial;

  impl->log = EventLog::create(EventLogOptions{.data_dir = data_dir});
  EventLog& log = *impl->log;
  log.emit(event_type::session_started, {{"station", impl->station.id},
                                         {"station_name", impl->station.name},
                                         {"project", project.name},
                                         {"hostname", host_name()},
                                         {"pid", static_cast<std::int64_t>(::getpid())},
                                         {"operator", operator_name},
                                         {"client", "cpp"},
                                         {"dut_serial", dut_serial},
                                         {"mocked", mock_all},
                                         {"litmus_version", version()}});
  const InstrumentConnectSettings settings{.mock_all = mock_all,
                                           .lock_wait = options.instrument_timeout,
                                           .io_timeout = options.io_timeout,
                                           .phase = options.phase,
                                           .allow_overdue_calibration = options.allow_overdue_calibration};
  try {
    for (const auto& config : impl->station.instruments) {
      ConnectedInstrument connected = connect_instrument(project, impl->station, config, settings, log, &impl->context);
      impl->instruments.push_back(std::move(connected.instrument));
      if (connected.lock) impl->locks.push_back(std::move(*connected.lock));
    }
  } catch (const std::exception& error) {
    log.emit(event_type::diagnostic_error, {{"message", error.what()}});
    impl->end(Outcome::errored, error.what());
    throw;
  }
  return Station(std::move(impl));
}

EventContext& StationAccess::context(Station& station) { return station.impl_->context; }

bool StationAccess::mocked(const Station& station) {
  const auto& instruments = station.impl_->instruments;
  return !instruments.empty() &&
         std::all_of(instruments.begin(), instruments.end(), [](const auto& instrument) { return instrument->mocked(); });
}

void StationAccess::end(Station& station, Outcome outcome, const std::string& reason) {
  station.impl_->end(outcome, reason);
}

}  // namespace litmus::detail
