#pragma once
// profiles/<id>.yaml (SPEC B8): a named set of run settings — phase,
// mocks, default guardband, facets and limits — selected with
// --test-profile (or default_profile:). A profile may extend another; the
// resolved profile is the chain merged, the profile itself winning.
//
//   id: production_hot
//   extends: production
//   description: Production test in the hot chamber
//   test_phase: production
//   mock_instruments: false
//   guardband_pct: 10
//   facets:
//     temperature: [cold, room, hot]
//   limits:
//     v_rail: {low: 3.2, high: 3.4, units: V}

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/limit_map.hpp"

namespace litmus::config {

struct ProfileConfig {
  std::filesystem::path file;
  std::string id;  // equals the file name without .yaml
  std::string description;
  std::string extends;    // the parent profile's id; empty: none
  int extends_line = 0;   // where `extends:` is, for errors about the chain
  std::optional<std::string> test_phase;
  std::optional<bool> mock_instruments;
  std::optional<double> guardband_pct;  // default guardband for the run's limits, 0 <= x < 100
  // Facet name → its allowed values (non-empty, distinct); each facet is a
  // choice made when running, such as the chamber temperature.
  std::map<std::string, std::vector<std::string>, std::less<>> facets;
  LimitMap limits;  // measurement name → limit, as in a test YAML
};

struct ResolvedProfile {
  // The merge: each field from the nearest profile of the chain that sets
  // it; facets and limits merged by name, nearest first. id, file,
  // description are the profile's own; extends is empty.
  ProfileConfig merged;
  std::vector<std::string> chain;  // the profile, then each one it extends
};

// Loads one profile file strictly, its own keys only (`extends` not
// followed); its id must be the file name without .yaml.
ProfileConfig load_profile_file(const std::filesystem::path& file);

// The profile of an id, or null when there is no such profile.
using ProfileLookup = std::function<const ProfileConfig*(std::string_view id)>;

// Follows `extends` from `profile`. A missing parent or a cycle is a
// ConfigError at the `extends:` that breaks the chain, naming the chain
// ("cycle in extends: a → b → a").
ResolvedProfile resolve_profile(const ProfileConfig& profile, const ProfileLookup& find);

// Loads profile `id` and what it extends from the project, and resolves it.
ResolvedProfile resolve_profile(const std::filesystem::path& project_root, std::string_view id);

// The profile as a run uses it: resolve_profile(project_root, id).merged.
ProfileConfig load_profile(const std::filesystem::path& project_root, std::string_view id);

}  // namespace litmus::config
