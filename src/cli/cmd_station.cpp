// `litmus station init ID`: writes stations/<ID>.yaml and one
// instruments/<asset>.yaml per instrument from what `litmus discover`
// finds, asking for each instrument's role (or, with --yes, proposing them).

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/discovery_options.hpp"
#include "config/project_config.hpp"
#include "config/project_file.hpp"
#include "core/environment.hpp"
#include "discovery/instrument_guess.hpp"
#include "instruments/instrument_types.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {
namespace {

struct StationInitOptions {
  std::string id;
  std::string name;
  std::string hostname;
  std::string location;
  std::string description;
  std::filesystem::path project_dir;
  std::vector<std::string> roles;  // RESOURCE=ROLE
  bool yes = false;
  bool force = false;
  DiscoveryFlags discovery;
};

// One instrument going into the station file.
struct StationEntry {
  std::string role;
  std::string type;
  std::string driver;
  std::string asset;
  const DiscoveredInstrument* found = nullptr;
};

std::string lower_id(std::string_view text) {
  std::string id;
  for (const unsigned char c : text) {
    if (std::isalnum(c)) {
      id.push_back(static_cast<char>(std::tolower(c)));
    } else if (!id.empty() && id.back() != '_') {
      id.push_back('_');
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

// "34461a_my53012345": model and serial name one physical instrument.
std::string asset_id_for(const InstrumentIdentity& identity) {
  std::string id = lower_id(identity.model + "_" + identity.serial);
  return id.empty() ? "instrument" : id;
}

std::string unique_name(const std::string& base, std::set<std::string>& taken) {
  std::string name = base;
  for (int n = 2; taken.count(name) != 0; ++n) name = base + "_" + std::to_string(n);
  taken.insert(name);
  return name;
}

std::string ask(const std::string& question, const std::string& fallback) {
  std::cout << question << (fallback.empty() ? "" : " [" + fallback + "]") << ": " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) throw Error("no answer on standard input (use --yes to decide without asking)");
  answer.erase(0, answer.find_first_not_of(" \t"));
  answer.erase(answer.find_last_not_of(" \t") + 1);
  return answer.empty() ? fallback : answer;
}

bool known_type(const std::string& type) { return find_instrument_type(type) != nullptr; }

std::string known_types() {
  std::string list;
  for (const auto& info : instrument_types()) list += (list.empty() ? "" : ", ") + std::string(info.type);
  return list;
}

std::map<std::string, std::string> parse_role_flags(const std::vector<std::string>& flags) {
  std::map<std::string, std::string> roles;
  for (const auto& flag : flags) {
    const auto eq = flag.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == flag.size() || !config::valid_id(flag.substr(eq + 1))) {
      throw Error("--role " + flag + ": expected RESOURCE=ROLE, ROLE of letters, digits, '_' and '-'");
    }
    roles[flag.substr(0, eq)] = flag.substr(eq + 1);
  }
  return roles;
}

std::vector<StationEntry> choose_entries(const std::vector<DiscoveredInstrument>& found,
                                         const StationInitOptions& options, bool interactive) {
  const auto explicit_roles = parse_role_flags(options.roles);
  std::vector<StationEntry> entries;
  std::set<std::string> roles;
  std::set<std::string> assets;
  for (const auto& instrument : found) {
    if (instrument.idn.empty()) continue;  // nothing answered: nothing to describe
    const auto guess = guess_instrument(instrument.identity);
    StationEntry entry;
    entry.found = &instrument;
    entry.type = guess ? guess->type : "";
    entry.driver = guess ? guess->driver : "";
    const std::string label = instrument.identity.manufacturer + " " + instrument.identity.model + " at " +
                              instrument.resource;
    std::string role;
    if (auto it = explicit_roles.find(instrument.resource); it != explicit_roles.end()) {
      role = it->second;
    } else if (interactive) {
      role = ask("Role for " + label + " ('-' skips)", entry.type.empty() ? "-" : entry.type);
      if (role == "-") continue;
      while (!config::valid_id(role)) role = ask("  a role uses letters, digits, '_' and '-'", entry.type);
    } else if (!entry.type.empty()) {
      role = entry.type;
    } else {
      std::cerr << "litmus: skipping " << label << ": its type is not known; give it with --role RESOURCE=ROLE "
                << "and edit the type, or run without --yes\n";
      continue;
    }
    while (!known_type(entry.type)) {
      if (!interactive) {
        throw Error("--role " + instrument.resource + "=" + role + ": cannot tell what type " + label +
                    " is; run without --yes to say it");
      }
      entry.type = ask("  Type of " + role + " (" + known_types() + ")", "");
      entry.driver.clear();
    }
    entry.role = unique_name(role, roles);
    entry.asset = unique_name(asset_id_for(instrument.identity), assets);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string station_yaml(const StationInitOptions& options, const std::vector<StationEntry>& entries) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << options.id;
  out << YAML::Key << "name" << YAML::Value << (options.name.empty() ? options.id : options.name);
  out << YAML::Key << "hostname" << YAML::Value << (options.hostname.empty() ? host_name() : options.hostname);
  if (!options.location.empty()) out << YAML::Key << "location" << YAML::Value << options.location;
  if (!options.description.empty()) out << YAML::Key << "description" << YAML::Value << options.description;
  out << YAML::Key << "instruments" << YAML::Value << YAML::BeginMap;
  for (const auto& entry : entries) {
    out << YAML::Key << entry.role << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << entry.type;
    if (!entry.driver.empty()) out << YAML::Key << "driver" << YAML::Value << entry.driver;
    out << YAML::Key << "resource" << YAML::Value << entry.found->resource;
    out << YAML::Key << "asset" << YAML::Value << entry.asset;
    out << YAML::EndMap;
  }
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string asset_yaml(const StationEntry& entry) {
  const InstrumentIdentity& identity = entry.found->identity;
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << entry.asset;
  out << YAML::Key << "type" << YAML::Value << entry.type;
  out << YAML::Key << "manufacturer" << YAML::Value << identity.manufacturer;
  out << YAML::Key << "model" << YAML::Value << identity.model;
  out << YAML::Key << "serial" << YAML::Value << identity.serial;
  out << YAML::Key << "firmware" << YAML::Value << identity.firmware;
  out << YAML::EndMap;
  // The certificate is not something an instrument can tell: leave the
  // keys for the engineer to fill in rather than invent dates.
  return std::string(out.c_str()) +
         "\n# From the calibration certificate (dates YYYY-MM-DD):\n"
         "# calibration:\n#   due: \n#   last: \n#   certificate: \n#   lab: \n";
}

void write_new_file(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file);
  out << text;
  if (!out.flush()) throw Error("cannot write " + file.string());
}

int run_station_init(const StationInitOptions& options) {
  if (!config::valid_id(options.id)) throw Error("station id '" + options.id + "': use letters, digits, '_' and '-'");
  const config::ProjectConfig project = config::discover_project(options.project_dir);
  const auto station_file = project.root / "stations" / (options.id + ".yaml");
  if (std::filesystem::exists(station_file) && !options.force) {
    throw Error(station_file.string() + " exists; --force replaces it");
  }
  const bool interactive = !options.yes && ::isatty(STDIN_FILENO) != 0;
  const auto found = discover_instruments(options.discovery.resolved());
  const auto entries = choose_entries(found, options, interactive);
  if (entries.empty()) {
    throw Error("no instrument answered *IDN?: nothing to write. `litmus discover` shows what was found; name "
                "instruments with --host HOST[:PORT]");
  }
  write_new_file(station_file, station_yaml(options, entries));
  std::cout << "wrote " << station_file.string() << '\n';
  for (const auto& entry : entries) {
    const auto asset_file = project.root / "instruments" / (entry.asset + ".yaml");
    if (std::filesystem::exists(asset_file) && !options.force) {
      std::cout << "kept  " << asset_file.string() << " (exists)\n";
      continue;
    }
    write_new_file(asset_file, asset_yaml(entry));
    std::cout << "wrote " << asset_file.string() << "  (add its calibration dates)\n";
  }
  std::cout << "next: `litmus validate`, then run a test with --station " << options.id
            << " --no-mock-instruments\n";
  return 0;
}

}  // namespace

Command add_station_command(CLI::App& app) {
  auto options = std::make_shared<StationInitOptions>();
  auto* station = app.add_subcommand("station", "Station files");
  station->require_subcommand(1);
  auto* init = station->add_subcommand(
      "init", "Write stations/ID.yaml and instruments/*.yaml from the instruments found (see `litmus discover`)");
  init->add_option("id", options->id, "Station id (the file name)")->required();
  init->add_option("--name", options->name, "Display name (default: the id)");
  init->add_option("--hostname", options->hostname, "Machine the station runs on (default: this one)");
  init->add_option("--location", options->location, "Where the bench is");
  init->add_option("--description", options->description, "What the bench is for");
  init->add_option("--role", options->roles, "RESOURCE=ROLE: the role of an instrument (repeatable)");
  init->add_flag("--yes,-y", options->yes, "Do not ask: roles from the instrument types (and --role)");
  init->add_flag("--force", options->force, "Replace existing station and asset files");
  init->add_option("--project", options->project_dir, "Project directory (default: nearest litmus.yaml upward)");
  add_discovery_options(*init, options->discovery);
  return {station, [options] { return run_station_init(*options); }};
}

}  // namespace litmus::cli
