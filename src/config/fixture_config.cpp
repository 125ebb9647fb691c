#include "config/fixture_config.hpp"

#include "config/project_file.hpp"
#include "config/yaml_checks.hpp"

namespace litmus::config {

namespace {

std::string read_id_value(const YamlAt& at, const char* what) {
  std::string id = read_string(at);
  if (!valid_id(id)) at.fail(std::string(what) + " '" + id + "' is not valid: use letters, digits, '_' and '-'");
  return id;
}

SwitchRoute parse_route(const YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping {switch: ROLE, close: [ROUTE, ...]}");
  check_keys(at, {"switch", "close"});
  if (!at.node["switch"]) at.fail("missing key 'switch'");
  if (!at.node["close"]) at.fail("missing key 'close'");
  SwitchRoute route{read_id_value(at.child("switch"), "role"), read_string_list(at.child("close"))};
  if (route.close.empty()) at.child("close").fail("expected at least one route to close");
  return route;
}

FixtureConnection parse_connection(const YamlAt& at, const std::string& pin) {
  if (!at.node.IsMap()) at.fail("expected a mapping {instrument: ROLE, channel: ..., route: ...}");
  check_keys(at, {"instrument", "channel", "route"});
  if (!at.node["instrument"]) at.fail("missing key 'instrument'");
  FixtureConnection c{pin, read_id_value(at.child("instrument"), "role"), read_optional_string(at, "channel"),
                      std::nullopt};
  if (at.node["route"]) c.route = parse_route(at.child("route"));
  return c;
}

std::vector<FixtureConnection> parse_connections(const YamlAt& at) {
  if (!at.node.IsMap()) at.fail("expected a mapping of DUT pin → {instrument: ROLE, ...}");
  std::vector<FixtureConnection> connections;
  for (const auto& item : at.node) {
    const std::string pin = item.first.as<std::string>();
    const YamlAt entry = at.child(pin);
    FixtureConnection c = parse_connection(entry, pin);
    for (const auto& other : connections) {
      if (!c.route && !other.route && other.instrument == c.instrument && other.channel == c.channel) {
        entry.fail("pin " + other.dut_pin + " is already wired to " + c.instrument +
                   (c.channel.empty() ? "" : " channel " + c.channel) +
                   " with no switch route: a measurement there could not tell the pins apart");
      }
    }
    connections.push_back(std::move(c));
  }
  return connections;
}

FixtureSlot parse_slot(const YamlAt& at, const std::string& id) {
  if (!valid_id(id)) at.fail("slot ids use letters, digits, '_' and '-'");
  if (!at.node.IsMap()) at.fail("expected a mapping {dut_serial_input: ..., connections: {...}}");
  check_keys(at, {"dut_serial_input", "connections"});
  FixtureSlot slot{id, read_optional_string(at, "dut_serial_input"), {}};
  if (at.node["connections"]) slot.connections = parse_connections(at.child("connections"));
  return slot;
}

const std::vector<FixtureConnection>* connections_of(const FixtureConfig& fixture, std::string_view slot) {
  if (slot.empty()) return &fixture.connections;
  for (const auto& s : fixture.slots) {
    if (s.id == slot) return &s.connections;
  }
  return nullptr;
}

}  // namespace

FixtureConfig load_fixture_file(const std::filesystem::path& file) {
  const YamlAt doc{&file, load_yaml_file(file), ""};
  check_keys(doc, {"id", "name", "description", "product", "station", "connections", "slots"});
  FixtureConfig fixture;
  fixture.file = file;
  fixture.id = read_file_id(doc, file_id(file));
  fixture.name = doc.node["name"] ? read_string(doc.child("name")) : fixture.id;
  fixture.description = read_optional_string(doc, "description");
  if (doc.node["product"]) fixture.product = read_id_value(doc.child("product"), "product id");
  if (doc.node["station"]) fixture.station = read_id_value(doc.child("station"), "station id");
  if (doc.node["connections"] && doc.node["slots"]) {
    doc.child("slots").fail("give either connections (one DUT) or slots (several DUTs), not both");
  }
  if (doc.node["connections"]) fixture.connections = parse_connections(doc.child("connections"));
  if (doc.node["slots"]) {
    const YamlAt slots = doc.child("slots");
    if (!slots.node.IsMap() || slots.node.size() == 0) slots.fail("expected a mapping of slot id → {connections: ...}");
    for (const auto& item : slots.node) {
      const std::string id = item.first.as<std::string>();
      fixture.slots.push_back(parse_slot(slots.child(id), id));
    }
  }
  return fixture;
}

FixtureConfig load_fixture(const std::filesystem::path& project_root, std::string_view id) {
  return load_fixture_file(project_file(project_root, "fixtures", "fixture", id));
}

std::vector<FixtureConfig> load_fixtures(const std::filesystem::path& project_root) {
  std::vector<FixtureConfig> fixtures;
  for (const auto& file : project_files(project_root, "fixtures")) fixtures.push_back(load_fixture_file(file));
  return fixtures;
}

const FixtureConnection* find_connection(const FixtureConfig& fixture, std::string_view role,
                                         std::string_view channel, std::string_view slot) {
  const auto* connections = connections_of(fixture, slot);
  if (!connections) return nullptr;
  const auto matching = [&](auto&& accepts) {
    std::vector<const FixtureConnection*> found;
    for (const auto& c : *connections) {
      if (c.instrument == role && accepts(c)) found.push_back(&c);
    }
    return found;
  };
  const auto only = [](const std::vector<const FixtureConnection*>& found) {
    return found.size() == 1 ? found.front() : nullptr;
  };
  const FixtureConnection* sole = only(matching([](const FixtureConnection&) { return true; }));
  if (channel.empty()) return sole;
  const auto exact = matching([&](const FixtureConnection& c) { return c.channel == channel; });
  if (!exact.empty()) return only(exact);
  // A pin wired to the instrument as a whole answers for any of its
  // channels, unless other pins of that role make the choice ambiguous.
  return sole && sole->channel.empty() ? sole : nullptr;
}

}  // namespace litmus::config
