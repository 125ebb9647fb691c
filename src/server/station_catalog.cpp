#include "server/station_catalog.hpp"

#include <exception>

#include "config/project_config.hpp"
#include "config/station_config.hpp"

namespace litmus::server {

StationCatalog::StationCatalog(std::filesystem::path project_root) : root_(std::move(project_root)) { reload(); }

std::optional<std::string> StationCatalog::reload() {
  try {
    config::load_project(root_);  // validates litmus.yaml, which stations are read against
    auto stations = std::make_shared<const nlohmann::json>(config::load_stations(root_));
    const std::lock_guard lock(mutex_);
    current_ = Snapshot{std::move(stations), {}};
    return std::nullopt;
  } catch (const std::exception& e) {  // ConfigError, or a filesystem error reading the files
    const std::lock_guard lock(mutex_);
    current_.error = e.what();
    return current_.error;
  }
}

StationCatalog::Snapshot StationCatalog::snapshot() const {
  const std::lock_guard lock(mutex_);
  return current_;
}

}  // namespace litmus::server
