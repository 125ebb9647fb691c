#include "config/profile_config.hpp"

#include <algorithm>
#include <list>

#include "config/project_file.hpp"
#include "config/yaml_checks.hpp"
#include "config/yaml_numbers.hpp"
#include "limits/limit_window.hpp"

namespace litmus::config {

namespace {

double read_guardband(const YamlAt& at) {
  Limit limit;
  limit.guardband_pct = read_real(at);
  // The same bounds as a limit's own guardband_pct.
  if (auto problem = check_limit_fields(limit)) at.fail(problem->message);
  return *limit.guardband_pct;
}

std::map<std::string, std::vector<std::string>, std::less<>> parse_facets(const YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping of facet name → [allowed values]");
  std::map<std::string, std::vector<std::string>, std::less<>> facets;
  for (const auto& item : at.node) {
    const std::string name = item.first.as<std::string>();
    const YamlAt values_at = at.child(name);
    if (!valid_id(name)) values_at.fail("facet names use letters, digits, '_' and '-' (they become flags)");
    std::vector<std::string> values = read_string_list(values_at);
    if (values.empty()) values_at.fail("expected at least one allowed value");
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (std::find(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(i), values[i]) !=
          values.begin() + static_cast<std::ptrdiff_t>(i)) {
        values_at.fail("value '" + values[i] + "' is listed twice");
      }
    }
    facets[name] = std::move(values);
  }
  return facets;
}

std::string chain_text(const std::vector<std::string>& chain, std::string_view last) {
  std::string text;
  for (const auto& id : chain) text += id + " → ";
  return text + std::string(last);
}

[[noreturn]] void fail_at_extends(const ProfileConfig& profile, const std::string& message) {
  throw ConfigFileError({profile.file.string(), profile.extends_line, "extends", message});
}

// `from`'s fields over `into`'s: the nearer profile wins.
void overlay(ProfileConfig& into, const ProfileConfig& from) {
  if (from.test_phase) into.test_phase = from.test_phase;
  if (from.mock_instruments) into.mock_instruments = from.mock_instruments;
  if (from.guardband_pct) into.guardband_pct = from.guardband_pct;
  for (const auto& [name, values] : from.facets) into.facets[name] = values;
  for (const auto& [name, limit] : from.limits) into.limits[name] = limit;
}

}  // namespace

ProfileConfig load_profile_file(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"id", "description", "extends", "test_phase", "mock_instruments", "guardband_pct", "facets",
                   "limits"});
  ProfileConfig profile;
  profile.file = file;
  profile.id = read_file_id(doc, file_id(file));
  profile.description = read_optional_string(doc, "description");
  if (doc.node["extends"]) {
    const YamlAt at = doc.child("extends");
    profile.extends = read_string(at);
    if (!valid_id(profile.extends)) at.fail("profile id '" + profile.extends + "' is not valid");
    profile.extends_line = at.line();
  }
  if (doc.node["test_phase"]) profile.test_phase = read_string(doc.child("test_phase"));
  if (doc.node["mock_instruments"]) profile.mock_instruments = read_bool(doc.child("mock_instruments"));
  if (doc.node["guardband_pct"]) profile.guardband_pct = read_guardband(doc.child("guardband_pct"));
  if (doc.node["facets"]) profile.facets = parse_facets(doc.child("facets"));
  if (doc.node["limits"]) profile.limits = parse_limit_map(doc.child("limits"));
  return profile;
}

ResolvedProfile resolve_profile(const ProfileConfig& profile, const ProfileLookup& find) {
  std::vector<const ProfileConfig*> chain{&profile};
  std::vector<std::string> ids{profile.id};
  while (!chain.back()->extends.empty()) {
    const ProfileConfig& child = *chain.back();
    if (std::find(ids.begin(), ids.end(), child.extends) != ids.end()) {
      fail_at_extends(child, "cycle in extends: " + chain_text(ids, child.extends));
    }
    const ProfileConfig* parent = find(child.extends);
    if (!parent) {
      fail_at_extends(child, "profile '" + child.extends + "' not found (no profiles/" + child.extends +
                                 ".yaml); chain: " + chain_text(ids, child.extends));
    }
    chain.push_back(parent);
    ids.push_back(parent->id);
  }
  ResolvedProfile resolved;
  resolved.chain = std::move(ids);
  resolved.merged.file = profile.file;
  resolved.merged.id = profile.id;
  resolved.merged.description = profile.description;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) overlay(resolved.merged, **it);
  return resolved;
}

ResolvedProfile resolve_profile(const std::filesystem::path& project_root, std::string_view id) {
  // A list keeps every loaded profile at its address while more are added.
  std::list<ProfileConfig> loaded;
  const ProfileLookup find = [&](std::string_view parent) -> const ProfileConfig* {
    std::error_code error;
    if (!valid_id(parent) || !std::filesystem::exists(project_root / "profiles" / (std::string(parent) + ".yaml"), error)) {
      return nullptr;
    }
    return &loaded.emplace_back(load_profile_file(project_file(project_root, "profiles", "profile", parent)));
  };
  return resolve_profile(load_profile_file(project_file(project_root, "profiles", "profile", id)), find);
}

ProfileConfig load_profile(const std::filesystem::path& project_root, std::string_view id) {
  return resolve_profile(project_root, id).merged;
}

}  // namespace litmus::config
