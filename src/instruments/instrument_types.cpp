#include "instruments/instrument_types.hpp"

#include <array>

namespace litmus {

namespace {
constexpr std::array<MethodInfo, 5> kDmmMethods{{
    {"measure_voltage", false},
    {"measure_dc_voltage", false},
    {"measure_ac_voltage", false},
    {"measure_current", false},
    {"measure_resistance", false},
}};
constexpr std::array<MethodInfo, 1> kScopeMethods{{
    {"read_waveform", true},
}};
const std::array<InstrumentTypeInfo, 2> kTypes{{
    {"dmm", kDmmMethods},
    {"scope", kScopeMethods},
}};
}  // namespace

std::span<const InstrumentTypeInfo> instrument_types() { return kTypes; }

const InstrumentTypeInfo* find_instrument_type(std::string_view type) {
  for (const auto& info : kTypes) {
    if (info.type == type) return &info;
  }
  return nullptr;
}

const MethodInfo* find_method(const InstrumentTypeInfo& type, std::string_view method) {
  for (const auto& info : type.methods) {
    if (info.name == method) return &info;
  }
  return nullptr;
}

}  // namespace litmus
