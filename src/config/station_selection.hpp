#pragma once
// Which station a run uses (SPEC A2): the one named (--station), else the
// one whose `hostname:` is this machine's, else litmus.yaml's
// default_station, else none (a station-less session).

#include <optional>
#include <string_view>

#include "config/project_config.hpp"
#include "config/station_config.hpp"

namespace litmus::config {

// Throws ConfigError when the named station is missing or invalid, when a
// station file is invalid (any may be the one for this host), or when two
// stations claim `hostname`.
std::optional<StationConfig> select_station(const ProjectConfig& project, std::string_view explicit_id,
                                            std::string_view hostname);

}  // namespace litmus::config
