#include "station/station_access.hpp"

#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/data_dir.hpp"
#include "core/environment.hpp"
#include "instruments/instrument_factory.hpp"
#include "litmus/event_log.hpp"
#include "litmus/version.hpp"
#include "station/station_impl.hpp"

namespace litmus::detail {

Station StationAccess::open(const config::ProjectConfig& project, const config::StationConfig* station,
                            const ConnectOptions& options) {
  auto impl = std::make_unique<Station::Impl>();
  if (station != nullptr) impl->station = *station;

  std::filesystem::path data_dir = options.data_dir;
  if (data_dir.empty() && project.data_dir) data_dir = *project.data_dir;
  data_dir = resolve_data_dir(data_dir);
  const bool mock_all =
      options.mock || env_flag("LITMUS_MOCK_INSTRUMENTS").value_or(false) || project.mock_instruments;
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
  try {
    for (const auto& config : impl->station.instruments) {
      const bool mocked = mock_all || config.mock;
      InstrumentBinding binding{&log, &impl->context, config.role, config.type,
                                mocked ? std::string("mock") : config.resource, mocked};
      impl->instruments.push_back(make_instrument(impl->station, config, binding, mocked));
      EventContext ctx;
      ctx.role = config.role;
      log.emit(event_type::instrument_connected,
               {{"type", config.type}, {"resource", binding.resource}, {"mocked", mocked}, {"driver", config.driver}},
               ctx);
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
