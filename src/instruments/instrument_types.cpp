#include "instruments/instrument_types.hpp"

#include <array>

namespace litmus {

namespace {

constexpr MethodKind scalar = MethodKind::read_scalar;
constexpr MethodKind setter = MethodKind::setter;

// Every type ends with the raw SCPI calls every instrument has (SPEC A3):
// `query` answers from mock_config in mock mode, `write` is accepted.
constexpr MethodInfo kQuery{"query", MethodKind::query};
constexpr MethodInfo kWrite{"write", setter};

constexpr std::array<MethodInfo, 12> kDmmMethods{{
    {"measure_voltage", scalar},
    {"measure_dc_voltage", scalar},
    {"measure_ac_voltage", scalar},
    {"measure_current", scalar},
    {"measure_ac_current", scalar},
    {"measure_resistance", scalar},
    {"measure_frequency", scalar},
    {"set_range", setter},
    {"set_autorange", setter},
    {"set_nplc", setter},
    kQuery,
    kWrite,
}};
constexpr std::array<MethodInfo, 8> kPsuMethods{{
    {"measure_voltage", scalar},
    {"measure_current", scalar},
    {"set_voltage", setter},
    {"set_current_limit", setter},
    {"enable_output", setter},
    {"disable_output", setter},
    kQuery,
    kWrite,
}};
constexpr std::array<MethodInfo, 11> kScopeMethods{{
    {"read_waveform", MethodKind::read_array},
    {"set_timebase", setter},
    {"set_vertical_scale", setter},
    {"enable_channel", setter},
    {"disable_channel", setter},
    {"set_trigger", setter},
    {"run", setter},
    {"stop", setter},
    {"single", setter},
    kQuery,
    kWrite,
}};
constexpr std::array<MethodInfo, 12> kELoadMethods{{
    {"measure_voltage", scalar},
    {"measure_current", scalar},
    {"measure_power", scalar},
    {"set_mode", setter},
    {"set_current", setter},
    {"set_voltage", setter},
    {"set_resistance", setter},
    {"set_power", setter},
    {"enable_input", setter},
    {"disable_input", setter},
    kQuery,
    kWrite,
}};
constexpr std::array<MethodInfo, 8> kFunctionGeneratorMethods{{
    {"set_shape", setter},
    {"set_frequency", setter},
    {"set_amplitude", setter},
    {"set_offset", setter},
    {"enable_output", setter},
    {"disable_output", setter},
    kQuery,
    kWrite,
}};
constexpr std::array<MethodInfo, 10> kSmuMethods{{
    {"measure_voltage", scalar},
    {"measure_current", scalar},
    {"source_voltage", setter},
    {"source_current", setter},
    {"set_current_compliance", setter},
    {"set_voltage_compliance", setter},
    {"enable_output", setter},
    {"disable_output", setter},
    kQuery,
    kWrite,
}};
// is_closed answers from the routes the mock was told to close unless
// mock_config overrides it (a welded relay, keyed by route).
constexpr std::array<MethodInfo, 6> kSwitchMethods{{
    {"is_closed", scalar},
    {"close", setter},
    {"open", setter},
    {"open_all", setter},
    kQuery,
    kWrite,
}};

const std::array<InstrumentTypeInfo, 7> kTypes{{
    {"dmm", kDmmMethods},
    {"psu", kPsuMethods},
    {"scope", kScopeMethods},
    {"eload", kELoadMethods},
    {"fgen", kFunctionGeneratorMethods},
    {"smu", kSmuMethods},
    {"switch", kSwitchMethods},
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
