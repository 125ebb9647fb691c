#pragma once
// Station::Impl: the state of one station session. Private to the library;
// a header rather than station.cpp's own because the GoogleTest runner
// (src/gtest/) drives the same session: it sets the EventContext its
// instruments stamp on their events and makes the instruments safe when a
// run is terminated by a signal.

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "config/station_config.hpp"
#include "litmus/event.hpp"
#include "litmus/event_log.hpp"
#include "litmus/instrument.hpp"
#include "litmus/outcome.hpp"
#include "litmus/station.hpp"
#include "station/resource_lock.hpp"

namespace litmus {

struct Station::Impl {
  config::StationConfig station;
  std::unique_ptr<EventLog> log;
  // The run/step the station is in; instruments stamp their events with it.
  EventContext context;
  // The resources of the real instruments. Declared before `instruments`
  // so they are released after the connections close: the next process to
  // take a resource must find it free. Not released by end(): a signal
  // ends the session while the test thread may still be inside an
  // instrument call.
  std::vector<ResourceLock> locks;
  std::vector<std::unique_ptr<Instrument>> instruments;  // station file order
  bool stopped = false;
  // Exceptions in flight when the session began: more at destruction means
  // the session is ending by unwinding.
  int uncaught_at_start = std::uncaught_exceptions();

  // make_safe() on every instrument; a failure is a diagnostic.warning and
  // the others are still made safe.
  void make_all_safe();

  // Makes every instrument safe, disconnects them and emits session.ended;
  // later calls do nothing.
  void end(Outcome outcome, const std::string& reason);
};

}  // namespace litmus
