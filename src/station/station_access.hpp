#pragma once
// What the GoogleTest runner needs of a Station beyond the public API: a
// session opened on an already-loaded project (or with no station at all),
// the context instruments stamp their events with, and ending with a
// reason.

#include <string>

#include "config/project_config.hpp"
#include "config/station_config.hpp"
#include "litmus/station.hpp"

namespace litmus::detail {

struct StationAccess {
  // Like connect(), on `station`; nullptr opens a session without
  // instruments (a test program that needs none).
  static Station open(const config::ProjectConfig& project, const config::StationConfig* station,
                      const ConnectOptions& options);
  // Run/step/vector stamped on every instrument event.
  static EventContext& context(Station& station);
  // True when every instrument is a mock (or there are none).
  static bool mocked(const Station& station);
  // Makes every instrument safe, then ends the session.
  static void end(Station& station, Outcome outcome, const std::string& reason);
};

}  // namespace litmus::detail
