#pragma once
// The project's station configuration as /api/stations serves it. Reloaded
// on demand (by ConfigWatcher under --reload); a reload that finds an
// invalid file keeps the last good configuration, so a half-saved edit never
// empties the UI.

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace litmus::server {

class StationCatalog {
 public:
  // Loads at once; an invalid configuration is remembered as the error.
  explicit StationCatalog(std::filesystem::path project_root);

  // Re-reads litmus.yaml and stations/. Returns the ConfigError's message
  // when the files are invalid (the previous stations stay in force).
  std::optional<std::string> reload();

  struct Snapshot {
    // The stations as a JSON array; null when no load has succeeded yet.
    std::shared_ptr<const nlohmann::json> stations;
    std::string error;  // why the latest load failed; empty when it succeeded
  };
  Snapshot snapshot() const;

  const std::filesystem::path& project_root() const { return root_; }

 private:
  std::filesystem::path root_;
  mutable std::mutex mutex_;
  Snapshot current_;
};

}  // namespace litmus::server
