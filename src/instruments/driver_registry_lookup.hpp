#pragma once
// The instrument factory's side of the driver registry
// (include/litmus/driver_registry.hpp): finding a driver by name. Both
// register the built-in drivers first, once.

#include <string>
#include <string_view>
#include <vector>

#include "litmus/driver_registry.hpp"

namespace litmus {

// The maker registered for (type, name), or null. The pointer stays valid
// for the life of the process (drivers are never unregistered).
const InstrumentMaker* find_driver(std::string_view type, std::string_view name);

// The names registered for `type`, sorted: for "unknown driver" messages.
std::vector<std::string> driver_names(std::string_view type);

}  // namespace litmus
