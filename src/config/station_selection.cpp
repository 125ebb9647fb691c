#include "config/station_selection.hpp"

#include "litmus/error.hpp"

namespace litmus::config {

std::optional<StationConfig> select_station(const ProjectConfig& project, std::string_view explicit_id,
                                            std::string_view hostname) {
  if (!explicit_id.empty()) return load_station(project.root, explicit_id);
  std::optional<StationConfig> chosen;
  if (!hostname.empty()) {
    for (auto& station : load_stations(project.root)) {
      if (station.hostname != hostname) continue;
      if (chosen) {
        throw ConfigError("stations " + chosen->id + " (" + chosen->file.string() + ") and " + station.id + " (" +
                          station.file.string() + ") both claim hostname '" + std::string(hostname) +
                          "'; name one with --station");
      }
      chosen = std::move(station);
    }
  }
  if (!chosen && !project.default_station.empty()) chosen = load_station(project.root, project.default_station);
  return chosen;
}

}  // namespace litmus::config
