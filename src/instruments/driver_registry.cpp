#include "litmus/driver_registry.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

#include "drivers/builtin_drivers.hpp"
#include "instruments/driver_registry_lookup.hpp"
#include "instruments/instrument_types.hpp"
#include "litmus/error.hpp"

namespace litmus {

namespace {

struct Registration {
  DriverInfo info;
  InstrumentMaker maker;
};

// Keyed by (type, name). Function-local so that registrations from static
// initialisers of other translation units (LITMUS_REGISTER_DRIVER) find it
// constructed whatever the initialisation order.
struct Registry {
  std::mutex mutex;
  std::map<std::pair<std::string, std::string>, Registration, std::less<>> drivers;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

// True on the thread running register_builtin_drivers(): its
// registrations are marked built-in and must not wait for themselves.
thread_local bool registering_builtins = false;

// Registers the built-in drivers once, before any lookup and before any
// user registration (so a user driver taking a built-in name is refused at
// its registration, not later when the built-ins arrive).
void ensure_builtins() {
  if (registering_builtins) return;
  static std::once_flag once;
  std::call_once(once, [] {
    registering_builtins = true;
    try {
      register_builtin_drivers();
    } catch (...) {
      registering_builtins = false;
      throw;
    }
    registering_builtins = false;
  });
}

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

void register_instrument_driver(std::string_view type, std::string_view name, std::string_view description,
                                InstrumentMaker maker) {
  const std::string what = "driver '" + std::string(name) + "' for instrument type '" + std::string(type) + "'";
  if (!find_instrument_type(type)) {
    std::string known;
    for (const auto& info : instrument_types()) known += (known.empty() ? "" : ", ") + std::string(info.type);
    throw Error("cannot register " + what + ": unknown instrument type; known types: " + known);
  }
  if (!valid_id(name)) throw Error("cannot register " + what + ": a driver name uses letters, digits, '_' and '-'");
  if (!maker) throw Error("cannot register " + what + ": no maker given");
  ensure_builtins();
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  auto key = std::make_pair(std::string(type), std::string(name));
  if (r.drivers.contains(key)) throw Error("cannot register " + what + ": that name is taken");
  DriverInfo info{std::string(type), std::string(name), std::string(description), registering_builtins};
  r.drivers.emplace(std::move(key), Registration{std::move(info), std::move(maker)});
}

std::vector<DriverInfo> registered_drivers() {
  ensure_builtins();
  Registry& r = registry();
  std::vector<DriverInfo> found;
  {
    std::lock_guard lock(r.mutex);
    for (const auto& [key, registration] : r.drivers) found.push_back(registration.info);
  }
  // The map's order is (type, name); a stable partition keeps it within
  // the built-in and the user groups.
  std::stable_partition(found.begin(), found.end(), [](const DriverInfo& info) { return info.builtin; });
  return found;
}

const InstrumentMaker* find_driver(std::string_view type, std::string_view name) {
  ensure_builtins();
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  auto it = r.drivers.find(std::make_pair(std::string(type), std::string(name)));
  return it == r.drivers.end() ? nullptr : &it->second.maker;
}

std::vector<std::string> driver_names(std::string_view type) {
  ensure_builtins();
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const auto& [key, registration] : r.drivers) {
    if (key.first == type) names.push_back(key.second);
  }
  return names;
}

}  // namespace litmus
