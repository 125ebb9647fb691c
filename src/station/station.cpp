#include "litmus/station.hpp"

#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>

#include "config/project_config.hpp"
#include "station/safe_state.hpp"
#include "station/station_access.hpp"
#include "station/station_impl.hpp"

namespace litmus {

void Station::Impl::make_all_safe() { make_instruments_safe(instruments, *log, context); }

void Station::Impl::end(Outcome outcome, const std::string& reason) {
  if (stopped) return;
  stopped = true;
  // Before anything else: whatever ended the session, nothing on the bench
  // should stay energised once it is over.
  make_all_safe();
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
  if (impl_->station.id.empty()) {
    throw Error("no instrument '" + std::string(role) +
                "': this session has no station; pass --station ID (LITMUS_STATION) or set default_station in "
                "litmus.yaml");
  }
  std::string known;
  for (const auto& instrument : impl_->instruments) known += (known.empty() ? "" : ", ") + instrument->role();
  throw Error("station " + impl_->station.id + " has no instrument '" + std::string(role) + "'; roles: " +
              (known.empty() ? "(none)" : known));
}

// The session itself is opened by StationAccess::open, which the
// GoogleTest runner also uses (with a project it has already loaded), so
// both open it the same way.
Station connect(std::string_view station_id, ConnectOptions options) {
  const config::ProjectConfig project = config::discover_project(options.project_dir);
  const config::StationConfig station = config::load_station(project.root, station_id);
  return detail::StationAccess::open(project, &station, options);
}

}  // namespace litmus
