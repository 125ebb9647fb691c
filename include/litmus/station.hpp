#pragma once
// A station session: litmus::connect() opens one, records every instrument
// call made through it, and ends it with an outcome when the Station goes
// out of scope or stop() is called.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include "litmus/error.hpp"
#include "litmus/event.hpp"
#include "litmus/instrument.hpp"
#include "litmus/outcome.hpp"

namespace litmus {

class EventLog;
namespace detail {
struct StationAccess;
}

struct ConnectOptions {
  // true: mock every instrument; false: real instruments (except those
  // with `mock: true` in the station file), whatever litmus.yaml says.
  // Unset: LITMUS_MOCK_INSTRUMENTS (1/0), else `mock_instruments:` in
  // litmus.yaml, else real.
  std::optional<bool> mock;
  // Where journals and the store live. Empty: `data_dir:` in litmus.yaml,
  // else LITMUS_HOME, else ~/.local/share/litmus.
  std::filesystem::path data_dir;
  // The project (holds litmus.yaml and stations/). Empty: LITMUS_PROJECT,
  // else the nearest directory upward from the working directory that has
  // litmus.yaml or stations/.
  std::filesystem::path project_dir;
  // Empty: LITMUS_OPERATOR, else the login name.
  std::string operator_name;
  // Device under test; empty: LITMUS_DUT_SERIAL (may stay empty).
  std::string dut_serial;
  // How long to wait for an instrument resource another process holds
  // (zero: fail at once with "resource in use by pid N").
  std::chrono::milliseconds instrument_timeout{0};
  // Deadline of every I/O call to a real instrument.
  std::chrono::milliseconds io_timeout{2000};
  // The test phase the session serves. In "production", an instrument
  // whose calibration is past due refuses the connection unless
  // allow_overdue_calibration is set; elsewhere it only warns.
  std::string phase;
  bool allow_overdue_calibration = false;
};

class Station {
 public:
  Station(Station&&) noexcept;
  Station& operator=(Station&&) noexcept;
  // Ends the session: `errored` when unwinding from an exception, else
  // `passed`, unless stop() already ended it.
  ~Station();

  const std::string& id() const;
  const std::string& session_id() const;

  // The instrument playing `role`, as type T (Dmm, Scope, ...). Throws
  // litmus::Error naming the role when it is unknown or of another type.
  template <class T>
  T& instrument(std::string_view role) {
    Instrument& found = instrument_base(role);
    if (auto* typed = dynamic_cast<T*>(&found)) return *typed;
    throw Error("station " + id() + ": instrument '" + std::string(role) + "' is a " + found.type() +
                ", not a " + typeid(T).name());
  }

  // Ends the session now with `outcome`; later calls do nothing.
  void stop(Outcome outcome = Outcome::passed);
  bool stopped() const;

  // The session's event log, for emitting events of your own.
  EventLog& log();

 private:
  struct Impl;
  friend Station connect(std::string_view station_id, ConnectOptions options);
  friend struct detail::StationAccess;  // the GoogleTest runner's way in (src/station/station_access.hpp)
  explicit Station(std::unique_ptr<Impl> impl);
  Instrument& instrument_base(std::string_view role);
  std::unique_ptr<Impl> impl_;
};

// Opens a session on `station_id` (stations/<id>.yaml of the project),
// emits session.started, connects every instrument. Throws ConfigError for
// a missing or invalid station file, naming the file and key.
Station connect(std::string_view station_id, ConnectOptions options = {});

}  // namespace litmus
