#include "litmus/station.hpp"

#include <unistd.h>

#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "config/project_config.hpp"
#include "config/station_config.hpp"
#include "core/data_dir.hpp"
#include "core/environment.hpp"
#include "instruments/instrument_factory.hpp"
#include "litmus/event_log.hpp"
#include "litmus/version.hpp"

namespace litmus {

struct Station::Impl {
  config::StationConfig station;
  std::unique_ptr<EventLog> log;
  // The run/step the station is in; instruments stamp their events with it.
  EventContext context;
  std::vector<std::unique_ptr<Instrument>> instruments;  // station file order
  bool stopped = false;
  // Exceptions in flight when the session began: more at destruction means
  // the session is ending by unwinding.
  int uncaught_at_start = std::uncaught_exceptions();

  void end(Outcome outcome, const std::string& reason) {
    if (stopped) return;
    stopped = true;
    for (const auto& instrument : instruments) {
      EventContext ctx = context;
      ctx.role = instrument->role();
      log->emit(event_type::instrument_disconnected, nlohmann::json::object(), ctx);
    }
    nlohmann::json payload{{"outcome", to_string(outcome)}};
    if (!reason.empty()) payload["reason"] = reason;
    log->emit(event_type::session_ended, payload, context);
    log.reset();  // waits (bounded) for the store, then releases the journal
  }
};

Station::Station(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Station::Station(Station&&) noexcept = default;
Station& Station::operator=(Station&& other) noexcept {
  if (this != &other) {
    if (impl_ && !impl_->stopped) {
      try {
        impl_->end(Outcome::passed, {});
      } catch (const std::exception& e) {
        std::cerr << "litmus: ending session " << impl_->log->session_id() << " failed: " << e.what() << "\n";
      }
    }
    impl_ = std::move(other.impl_);
  }
  return *this;
}

Station::~Station() {
  if (!impl_ || impl_->stopped) return;
  const bool unwinding = std::uncaught_exceptions() > impl_->uncaught_at_start;
  try {
    impl_->end(unwinding ? Outcome::errored : Outcome::passed,
               unwinding ? "an exception left the scope of the station" : "");
  } catch (const std::exception& e) {
    // A destructor must not throw; the journal still holds what was
    // written and recovery will close the session.
    std::cerr << "litmus: ending the session failed: " << e.what() << "\n";
  }
}

const std::string& Station::id() const { return impl_->station.id; }
const std::string& Station::session_id() const { return impl_->log->session_id(); }
bool Station::stopped() const { return impl_->stopped; }

EventLog& Station::log() {
  if (impl_->stopped) throw Error("station " + impl_->station.id + ": the session has ended");
  return *impl_->log;
}

void Station::stop(Outcome outcome) { impl_->end(outcome, {}); }

Instrument& Station::instrument_base(std::string_view role) {
  if (impl_->stopped) throw Error("station " + impl_->station.id + ": the session has ended");
  for (const auto& instrument : impl_->instruments) {
    if (instrument->role() == role) return *instrument;
  }
  std::string known;
  for (const auto& instrument : impl_->instruments) known += (known.empty() ? "" : ", ") + instrument->role();
  throw Error("station " + impl_->station.id + " has no instrument '" + std::string(role) + "'; roles: " +
              (known.empty() ? "(none)" : known));
}

Station connect(std::string_view station_id, ConnectOptions options) {
  const config::ProjectConfig project = config::discover_project(options.project_dir);
  auto impl = std::make_unique<Station::Impl>();
  impl->station = config::load_station(project.root, station_id);

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

}  // namespace litmus
