#include "config/station_config.hpp"

#include <stdexcept>

#include "config/instrument_type_key.hpp"
#include "config/project_file.hpp"
#include "config/yaml_checks.hpp"
#include "instruments/instrument_types.hpp"
#include "instruments/mock/mock_value.hpp"
#include "litmus/error.hpp"

namespace litmus::config {

namespace {

InstrumentConfig parse_instrument(const YamlAt& at, const std::string& role) {
  check_keys(at, {"type", "driver", "resource", "mock", "mock_config", "channels", "asset"});
  InstrumentConfig c;
  c.role = role;
  if (!valid_id(role)) at.fail("role names use letters, digits, '_' and '-'");
  if (!at.node["type"]) at.fail("missing key 'type'");
  c.type = read_instrument_type(at.child("type"));
  if (at.node["driver"]) c.driver = read_string(at.child("driver"));
  if (at.node["resource"]) c.resource = read_string(at.child("resource"));
  if (at.node["mock"]) c.mock = read_bool(at.child("mock"));
  if (at.node["channels"]) c.channels = read_string_list(at.child("channels"));
  if (at.node["asset"]) {
    c.asset = read_string(at.child("asset"));
    if (!valid_id(c.asset)) at.child("asset").fail("asset id '" + c.asset + "' is not valid: use letters, digits, '_' and '-'");
  }
  return c;
}

// Validates mock_config against the type's methods, with file and line.
void parse_mock_config(const YamlAt& at, InstrumentConfig& c) {
  if (!at.node) return;
  require_map(at);
  if (at.node.IsNull()) return;
  const InstrumentTypeInfo& type = *find_instrument_type(c.type);
  for (const auto& item : at.node) {
    const std::string method = item.first.as<std::string>();
    const YamlAt entry = at.child(method);
    const MethodInfo* info = find_method(type, method);
    if (!info || info->kind == MethodKind::setter) {
      std::string known;
      for (const auto& m : type.methods) {
        if (m.kind != MethodKind::setter) known += (known.empty() ? "" : ", ") + std::string(m.name);
      }
      const YamlAt key{at.file, item.first, entry.key_path};
      if (!info) key.fail("a " + c.type + " has no method '" + method + "'; methods: " + known);
      // A setter returns nothing, so there is nothing for a mock to answer:
      // say so rather than "no method", which would read as a typo.
      key.fail("'" + method + "' is a setter of a " + c.type +
               ": setters are not mockable (a mock accepts them and records them); mockable methods: " + known);
    }
    nlohmann::json spec = read_json(entry);
    try {
      MockValue::parse(spec, info->kind);
    } catch (const std::invalid_argument& e) {
      entry.fail(e.what());
    }
    c.mock_config[method] = std::move(spec);
  }
}

}  // namespace

StationConfig load_station_file(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"id", "name", "hostname", "location", "description", "supported_phases", "instruments"});
  StationConfig station;
  station.file = file;
  station.id = read_file_id(doc, file_id(file));
  station.name = doc.node["name"] ? read_string(doc.child("name")) : station.id;
  if (doc.node["hostname"]) station.hostname = read_string(doc.child("hostname"));
  if (doc.node["location"]) station.location = read_string(doc.child("location"));
  if (doc.node["description"]) station.description = read_string(doc.child("description"));
  if (doc.node["supported_phases"]) station.supported_phases = read_string_list(doc.child("supported_phases"));
  if (doc.node["instruments"]) {
    const YamlAt instruments = doc.child("instruments");
    require_map(instruments);
    if (instruments.node.IsMap()) {
      for (const auto& item : instruments.node) {
        const std::string role = item.first.as<std::string>();
        const YamlAt at = instruments.child(role);
        InstrumentConfig c = parse_instrument(at, role);
        parse_mock_config(at.child("mock_config"), c);
        station.instruments.push_back(std::move(c));
      }
    }
  }
  return station;
}

StationConfig load_station(const std::filesystem::path& project_root, std::string_view id) {
  return load_station_file(project_file(project_root, "stations", "station", id));
}

std::vector<StationConfig> load_stations(const std::filesystem::path& project_root) {
  std::vector<StationConfig> stations;
  for (const auto& file : project_files(project_root, "stations")) stations.push_back(load_station_file(file));
  return stations;
}

void to_json(nlohmann::json& j, const InstrumentConfig& c) {
  j = nlohmann::json{{"role", c.role},         {"type", c.type},   {"driver", c.driver},
                     {"resource", c.resource}, {"mock", c.mock},   {"mock_config", c.mock_config},
                     {"channels", c.channels}, {"asset", c.asset}};
}

void to_json(nlohmann::json& j, const StationConfig& c) {
  j = nlohmann::json{{"id", c.id},
                     {"name", c.name},
                     {"hostname", c.hostname},
                     {"location", c.location},
                     {"description", c.description},
                     {"supported_phases", c.supported_phases},
                     {"instruments", c.instruments},
                     {"file", c.file.string()}};
}

}  // namespace litmus::config
