#include "config/instrument_type_key.hpp"

#include "instruments/instrument_types.hpp"

namespace litmus::config {

std::string read_instrument_type(const YamlAt& at) {
  std::string type = read_string(at);
  if (!find_instrument_type(type)) {
    std::string known;
    for (const auto& info : instrument_types()) known += (known.empty() ? "" : ", ") + std::string(info.type);
    at.fail("unknown instrument type '" + type + "'; known types: " + known);
  }
  return type;
}

}  // namespace litmus::config
