#include "config/project_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "config/asset_config.hpp"
#include "config/fixture_config.hpp"
#include "config/product_config.hpp"
#include "config/profile_config.hpp"
#include "config/project_config.hpp"
#include "config/project_file.hpp"
#include "config/station_config.hpp"
#include "config/test_config.hpp"

namespace litmus::config {

namespace {

namespace fs = std::filesystem;

// The folders of per-id files, one kind each.
constexpr std::array<std::string_view, 5> kIdFolders{"stations", "instruments", "products", "fixtures", "profiles"};

bool is_project_file(const fs::path& root, const fs::path& file) {
  std::vector<std::string> parts;
  for (const auto& part : file.lexically_relative(root)) parts.push_back(part.string());
  if (parts.empty() || parts.front() == "..") return false;
  if (parts.size() == 1) return parts.front() == "litmus.yaml";
  if (file.extension() != ".yaml") return false;
  if (parts.front() == "tests") return true;
  return parts.size() == 2 && std::find(kIdFolders.begin(), kIdFolders.end(), parts.front()) != kIdFolders.end();
}

std::vector<fs::path> test_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(root / "tests", error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".yaml" && it->is_regular_file(error)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> all_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code error;
  if (fs::is_regular_file(root / "litmus.yaml", error)) files.push_back(root / "litmus.yaml");
  for (auto folder : kIdFolders) {
    for (auto& file : project_files(root, folder)) files.push_back(std::move(file));
  }
  for (auto& file : test_files(root)) files.push_back(std::move(file));
  return files;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "none" : text;
}

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, std::string_view id) {
  const auto found = map.find(id);
  return found == map.end() ? nullptr : &found->second;
}

// Loads the whole project once, keeping every problem with the files it
// concerns; result() picks those of the files asked about.
class Checker {
 public:
  explicit Checker(fs::path root) : root_(std::move(root)) {}

  void run() {
    load_all();
    if (project_) check_defaults(*project_);
    for (const auto& [id, station] : stations_) check_station(station);
    check_hostnames();
    for (const auto& [id, fixture] : fixtures_) check_fixture(fixture);
    check_profiles();
  }

  ProjectCheck result(const std::vector<fs::path>& paths) {
    std::set<std::string> selected;
    for (const auto& path : paths) select(path, selected);
    ProjectCheck check;
    check.files_checked = selected.size();
    for (const auto& found : found_) {
      bool wanted = selected.count(found.problem.file) > 0;
      for (const auto& file : found.involves) wanted = wanted || selected.count(file) > 0;
      if (wanted) check.problems.push_back(found.problem);
    }
    std::stable_sort(check.problems.begin(), check.problems.end(), [](const auto& a, const auto& b) {
      return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return check;
  }

 private:
  struct Found {
    ConfigProblem problem;
    std::vector<std::string> involves;  // other files the problem is about
  };

  // --- reporting ------------------------------------------------------------

  std::string shown(const fs::path& file) const {
    const fs::path relative = fs::path(file).lexically_normal().lexically_relative(root_);
    return relative.empty() || *relative.begin() == ".." ? file.string() : relative.generic_string();
  }

  void report(ConfigProblem problem, const std::vector<fs::path>& involves) {
    problem.file = shown(problem.file);
    for (const auto& found : found_) {
      const auto& p = found.problem;
      if (p.file == problem.file && p.line == problem.line && p.key == problem.key) return;  // one per place
    }
    Found found{std::move(problem), {}};
    for (const auto& file : involves) found.involves.push_back(shown(file));
    found_.push_back(std::move(found));
  }

  // `message` at the key path `keys` of `file` (a file that loaded).
  ConfigProblem at(const fs::path& file, const std::vector<std::string>& keys, const std::string& message) {
    auto [cached, fresh] = documents_.try_emplace(file);
    if (fresh) cached->second = load_yaml_file(file);
    return at_key(YamlAt{&file, cached->second, ""}, keys, 0, message);
  }

  // Recursive rather than a loop: assigning a YAML::Node would overwrite
  // the node it refers to, not rebind it.
  static ConfigProblem at_key(const YamlAt& node, const std::vector<std::string>& keys, std::size_t i,
                              const std::string& message) {
    if (i == keys.size() || !node.node.IsMap()) return node.problem(message);
    return at_key(node.child(keys[i]), keys, i + 1, message);
  }

  // Files named on the command line; a directory stands for its files.
  void select(const fs::path& path, std::set<std::string>& selected) {
    const fs::path file = fs::absolute(path).lexically_normal();
    std::error_code error;
    if (fs::is_directory(file, error)) {
      for (const auto& candidate : all_files(root_)) {
        const fs::path relative = candidate.lexically_relative(file);
        if (!relative.empty() && *relative.begin() != "..") selected.insert(shown(candidate));
      }
      return;
    }
    selected.insert(shown(file));
    if (!fs::exists(file, error)) {
      report({file.string(), 0, "", "file not found"}, {});
    } else if (!is_project_file(root_, file)) {
      report({file.string(), 0, "",
              "not a file of the project at " + root_.string() +
                  ": expected litmus.yaml, tests/**/*.yaml or a .yaml file directly under stations/, "
                  "instruments/, products/, fixtures/ or profiles/"},
             {});
    }
  }

  // --- loading --------------------------------------------------------------

  // load(file), or nullopt with its problem reported.
  template <typename Load>
  auto guarded(const fs::path& file, Load&& load) -> std::optional<decltype(load())> {
    try {
      return load();
    } catch (const ConfigFileError& e) {
      report(e.problem(), {});
    } catch (const std::exception& e) {
      report({file.string(), 0, "", e.what()}, {});
    }
    return std::nullopt;
  }

  template <typename Config>
  void load_folder(std::string_view folder, Config (*load)(const fs::path&),
                   std::map<std::string, Config, std::less<>>& into) {
    for (const auto& file : project_files(root_, folder)) {
      if (auto config = guarded(file, [&] { return load(file); })) into.emplace(config->id, std::move(*config));
    }
  }

  void load_all() {
    std::error_code error;
    if (fs::exists(root_ / "litmus.yaml", error)) project_ = guarded(root_ / "litmus.yaml", [&] { return load_project(root_); });
    load_folder("stations", &load_station_file, stations_);
    load_folder("instruments", &load_asset_file, assets_);
    load_folder("products", &load_product_file, products_);
    load_folder("fixtures", &load_fixture_file, fixtures_);
    load_folder("profiles", &load_profile_file, profiles_);
    for (const auto& file : test_files(root_)) guarded(file, [&] { return load_test_config(file); });
  }

  // --- cross-references -----------------------------------------------------

  // Whether <folder>/<id>.yaml exists (valid or not: a broken file has its
  // own problems, and is no dangling reference).
  bool exists(std::string_view folder, const std::string& id) const {
    std::error_code error;
    return valid_id(id) && fs::is_regular_file(root_ / folder / (id + ".yaml"), error);
  }

  static std::string missing(std::string_view kind, std::string_view folder, const std::string& id) {
    return std::string(kind) + " '" + id + "' not found (no " + std::string(folder) + "/" + id + ".yaml)";
  }

  void check_defaults(const ProjectConfig& project) {
    const fs::path file = root_ / "litmus.yaml";
    const std::tuple<const char*, const std::string&, std::string_view, std::string_view> defaults[] = {
        {"default_station", project.default_station, "stations", "station"},
        {"default_fixture", project.default_fixture, "fixtures", "fixture"},
        {"default_profile", project.default_profile, "profiles", "profile"}};
    for (const auto& [key, id, folder, kind] : defaults) {
      if (!id.empty() && !exists(folder, id)) report(at(file, {key}, missing(kind, folder, id)), {});
    }
  }

  void check_station(const StationConfig& station) {
    std::map<std::string, std::string> role_of_asset;
    for (const auto& instrument : station.instruments) {
      if (instrument.asset.empty()) continue;
      const std::vector<std::string> key{"instruments", instrument.role, "asset"};
      const AssetConfig* asset = find_in(assets_, instrument.asset);
      if (!exists("instruments", instrument.asset)) {
        report(at(station.file, key, missing("asset", "instruments", instrument.asset)), {});
      } else if (asset && !asset->type.empty() && asset->type != instrument.type) {
        report(at(station.file, key,
                  "asset '" + asset->id + "' is a " + asset->type + " (" + shown(asset->file) +
                      "), but this instrument is a " + instrument.type),
               {asset->file});
      }
      const auto [first, fresh] = role_of_asset.try_emplace(instrument.asset, instrument.role);
      if (!fresh) {
        report(at(station.file, key,
                  "asset '" + instrument.asset + "' is already the instrument of role '" + first->second +
                      "': one instrument cannot fill two roles"),
               {});
      }
    }
  }

  void check_hostnames() {
    std::map<std::string, const StationConfig*> claimed;
    for (const auto& [id, station] : stations_) {
      if (station.hostname.empty()) continue;
      const auto [first, fresh] = claimed.try_emplace(station.hostname, &station);
      if (fresh) continue;
      report(at(station.file, {"hostname"},
                "hostname '" + station.hostname + "' is also claimed by station '" + first->second->id + "' (" +
                    shown(first->second->file) + "): a station is picked by hostname, so one per machine"),
             {first->second->file});
    }
  }

  // The instrument of `role` in the fixture's `station`; when the fixture
  // names none, the role must be in some station (and null is returned:
  // channels differ from station to station).
  const InstrumentConfig* check_role(const FixtureConfig& fixture, const StationConfig* station,
                                     const std::vector<std::string>& key, const std::string& role) {
    if (!fixture.station.empty()) {
      if (!station) return nullptr;  // missing or invalid: reported as such
      std::vector<std::string> roles;
      for (const auto& instrument : station->instruments) {
        if (instrument.role == role) return &instrument;
        roles.push_back(instrument.role);
      }
      report(at(fixture.file, key,
                "role '" + role + "' is not an instrument of station '" + station->id + "' (roles: " + joined(roles) +
                    ")"),
             {station->file});
      return nullptr;
    }
    std::vector<fs::path> station_files;
    for (const auto& [id, other] : stations_) {
      for (const auto& instrument : other.instruments) {
        if (instrument.role == role) return nullptr;
      }
      station_files.push_back(other.file);
    }
    report(at(fixture.file, key, "role '" + role + "' is not an instrument of any station"), station_files);
    return nullptr;
  }

  void check_connections(const FixtureConfig& fixture, const StationConfig* station, const ProductConfig* product,
                         const std::vector<FixtureConnection>& connections, const std::vector<std::string>& prefix) {
    for (const auto& c : connections) {
      std::vector<std::string> key = prefix;
      key.push_back(c.dut_pin);
      if (product && !product->pins.count(c.dut_pin)) {
        std::vector<std::string> pins;
        for (const auto& [pin, _] : product->pins) pins.push_back(pin);
        report(at(fixture.file, key,
                  "pin '" + c.dut_pin + "' is not a pin of product '" + product->id + "' (pins: " + joined(pins) + ")"),
               {product->file});
      }
      auto with = [&](std::initializer_list<std::string> more) {
        std::vector<std::string> out = key;
        out.insert(out.end(), more);
        return out;
      };
      const InstrumentConfig* instrument = check_role(fixture, station, with({"instrument"}), c.instrument);
      if (instrument && !c.channel.empty() && !instrument->channels.empty() &&
          std::find(instrument->channels.begin(), instrument->channels.end(), c.channel) == instrument->channels.end()) {
        report(at(fixture.file, with({"channel"}),
                  "channel '" + c.channel + "' is not a channel of role '" + c.instrument +
                      "' (channels: " + joined(instrument->channels) + ")"),
               {station->file});
      }
      if (!c.route) continue;
      const InstrumentConfig* switch_instrument = check_role(fixture, station, with({"route", "switch"}), c.route->switch_role);
      if (switch_instrument && switch_instrument->type != "switch") {
        report(at(fixture.file, with({"route", "switch"}),
                  "role '" + c.route->switch_role + "' is a " + switch_instrument->type + ", not a switch"),
               {station->file});
      }
    }
  }

  void check_fixture(const FixtureConfig& fixture) {
    if (!fixture.station.empty() && !exists("stations", fixture.station)) {
      report(at(fixture.file, {"station"}, missing("station", "stations", fixture.station)), {});
    }
    if (!fixture.product.empty() && !exists("products", fixture.product)) {
      report(at(fixture.file, {"product"}, missing("product", "products", fixture.product)), {});
    }
    const StationConfig* station = find_in(stations_, fixture.station);
    const ProductConfig* product = find_in(products_, fixture.product);
    check_connections(fixture, station, product, fixture.connections, {"connections"});
    for (const auto& slot : fixture.slots) {
      check_connections(fixture, station, product, slot.connections, {"slots", slot.id, "connections"});
    }
  }

  void check_profiles() {
    // An invalid profile counts as one that extends nothing: its own
    // problems are reported already.
    std::map<std::string, ProfileConfig, std::less<>> stand_ins;
    const ProfileLookup find = [&](std::string_view id) -> const ProfileConfig* {
      if (const ProfileConfig* profile = find_in(profiles_, id)) return profile;
      if (!exists("profiles", std::string(id))) return nullptr;
      ProfileConfig& stand_in = stand_ins[std::string(id)];
      stand_in.id = id;
      return &stand_in;
    };
    for (const auto& [id, profile] : profiles_) {
      try {
        resolve_profile(profile, find);
      } catch (const ConfigFileError& e) {
        report(e.problem(), {profile.file});
      }
    }
  }

  fs::path root_;
  std::vector<Found> found_;
  std::map<fs::path, YAML::Node> documents_;
  std::optional<ProjectConfig> project_;
  std::map<std::string, StationConfig, std::less<>> stations_;
  std::map<std::string, AssetConfig, std::less<>> assets_;
  std::map<std::string, ProductConfig, std::less<>> products_;
  std::map<std::string, FixtureConfig, std::less<>> fixtures_;
  std::map<std::string, ProfileConfig, std::less<>> profiles_;
};

}  // namespace

ProjectCheck check_project_files(const fs::path& root, const std::vector<fs::path>& files) {
  Checker checker(fs::absolute(root).lexically_normal());
  checker.run();
  return checker.result(files);
}

ProjectCheck check_project(const fs::path& root) { return check_project_files(root, {root}); }

}  // namespace litmus::config
