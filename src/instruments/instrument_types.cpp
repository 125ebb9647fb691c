#include "instruments/instrument_types.hpp"

#include <array>

namespace litmus {

namespace {
constexpr std::array<MethodInfo, 5> kDmmMethods{{
    {"measure_voltage", MethodKind::read_scalar},
    {"measure_dc_voltage", MethodKind::read_scalar},
    {"measure_ac_voltage", MethodKind::read_scalar},
    {"measure_current", MethodKind::read_scalar},
    {"measure_resistance", MethodKind::read_scalar},
}};
constexpr std::array<MethodInfo, 6> kPsuMethods{{
    {"measure_voltage", MethodKind::read_scalar},
    {"measure_current", MethodKind::read_scalar},
    {"set_voltage", MethodKind::setter},
    {"set_current_limit", MethodKind::setter},
    {"enable_output", MethodKind::setter},
    {"disable_output", MethodKind::setter},
}};
constexpr std::array<MethodInfo, 1> kScopeMethods{{
    {"read_waveform", MethodKind::read_array},
}};
const std::array<InstrumentTypeInfo, 3> kTypes{{
    {"dmm", kDmmMethods},
    {"psu", kPsuMethods},
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
