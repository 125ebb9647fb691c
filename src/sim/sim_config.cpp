#include "sim/sim_config.hpp"

#include <charconv>

#include "config/yaml_numbers.hpp"
#include "litmus/error.hpp"
#include "sim/sim_models.hpp"

namespace litmus::sim {

namespace {

using config::YamlAt;

std::string type_list() {
  std::string list;
  for (const auto& type : sim_model_types()) list += (list.empty() ? "" : ", ") + type;
  return list;
}

std::int64_t read_in_range(const YamlAt& at, std::int64_t min, std::int64_t max) {
  const std::int64_t value = config::read_integer(at);
  if (value < min || value > max) at.fail("expected " + std::to_string(min) + " to " + std::to_string(max));
  return value;
}

SimIdentity read_identity(const YamlAt& at, SimIdentity identity) {
  config::check_keys(at, {"manufacturer", "model", "serial", "firmware"});
  if (at.node["manufacturer"]) identity.manufacturer = config::read_string(at.child("manufacturer"));
  if (at.node["model"]) identity.model = config::read_string(at.child("model"));
  if (at.node["serial"]) identity.serial = config::read_string(at.child("serial"));
  if (at.node["firmware"]) identity.firmware = config::read_string(at.child("firmware"));
  return identity;
}

// `-222,"Data out of range"` or a bare code (the standard text).
void push_error_entry(const YamlAt& at, SimInstrument& model) {
  const std::string text = config::read_string(at);
  int code = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (error != std::errc() || code >= 0 || (end != text.data() + text.size() && *end != ',')) {
    at.fail("expected a SCPI error entry such as '-222,\"Data out of range\"' or -222");
  }
  std::string message = end == text.data() + text.size() ? std::string() : std::string(end + 1);
  if (message.size() >= 2 && message.front() == '"' && message.back() == '"') {
    message = message.substr(1, message.size() - 2);
  }
  model.push_error(code, message);
}

void read_faults(const YamlAt& at, SimInstrument& model) {
  config::check_keys(at, {"delay_ms", "drop_every", "drop_probability", "close_after", "errors"});
  Faults faults;
  if (at.node["delay_ms"]) faults.reply_delay = std::chrono::milliseconds(read_in_range(at.child("delay_ms"), 0, 600000));
  if (at.node["drop_every"]) faults.drop_every = static_cast<int>(read_in_range(at.child("drop_every"), 0, 1 << 30));
  if (at.node["drop_probability"]) {
    const YamlAt probability = at.child("drop_probability");
    faults.drop_probability = config::read_real(probability);
    if (faults.drop_probability < 0 || faults.drop_probability > 1) probability.fail("expected 0 to 1");
  }
  if (at.node["close_after"]) faults.close_after = static_cast<int>(read_in_range(at.child("close_after"), 0, 1 << 30));
  if (at.node["errors"]) {
    const YamlAt errors = at.child("errors");
    if (!errors.node.IsSequence()) errors.fail("expected a list of SCPI error entries");
    for (std::size_t i = 0; i < errors.node.size(); ++i) {
      push_error_entry(YamlAt{errors.file, errors.node[i], errors.key_path + "[" + std::to_string(i) + "]"}, model);
    }
  }
  model.set_faults(faults);
}

double read_noise(const YamlAt& at) {
  const double noise = config::read_real(at);
  if (noise < 0) at.fail("expected a relative standard deviation >= 0");
  return noise;
}

}  // namespace

SimInstrument& SimConfig::add(const std::string& name, const std::string& type, std::uint16_t port,
                              std::uint64_t seed) {
  std::shared_ptr<SimInstrument> model = make_sim_model(type);
  if (!model) throw Error("unknown simulated instrument type '" + type + "'; expected one of: " + type_list());
  model->set_seed(seed);
  instruments.push_back({name, port, model});
  return *model;
}

SimEntry* SimConfig::find(const std::string& name) {
  for (auto& entry : instruments) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

SimConfig load_sim_config(const std::filesystem::path& file) {
  const YamlAt root{&file, config::load_yaml_file(file), ""};
  config::check_keys(root, {"host", "seed", "noise", "instruments"});
  SimConfig config;
  if (root.node["host"]) config.host = config::read_string(root.child("host"));
  const std::uint64_t seed =
      root.node["seed"] ? static_cast<std::uint64_t>(read_in_range(root.child("seed"), 0, INT64_MAX)) : 1;
  const double noise = root.node["noise"] ? read_noise(root.child("noise")) : 0.0;
  if (!root.node["instruments"]) root.fail("missing key 'instruments'");
  const YamlAt instruments = root.child("instruments");
  if (!instruments.node.IsMap() || instruments.node.size() == 0) {
    instruments.fail("expected a mapping of at least one instrument");
  }
  for (const auto& item : instruments.node) {
    const std::string name = item.first.as<std::string>();
    const YamlAt at = instruments.child(name);
    config::check_keys(at, {"type", "port", "identity", "noise", "faults", "settings"});
    if (!at.node["type"]) at.fail("missing key 'type'; expected one of: " + type_list());
    const YamlAt type = at.child("type");
    const std::string type_name = config::read_string(type);
    if (!make_sim_model(type_name)) type.fail("unknown type '" + type_name + "'; expected one of: " + type_list());
    const auto port = at.node["port"] ? static_cast<std::uint16_t>(read_in_range(at.child("port"), 0, 65535)) : 0;
    SimInstrument& model = config.add(name, type_name, port, seed + config.instruments.size());
    model.set_noise(at.node["noise"] ? read_noise(at.child("noise")) : noise);
    if (at.node["identity"]) model.set_identity(read_identity(at.child("identity"), model.identity()));
    if (at.node["faults"]) read_faults(at.child("faults"), model);
    if (at.node["settings"]) model.configure(at.child("settings"));
  }
  return config;
}

}  // namespace litmus::sim
