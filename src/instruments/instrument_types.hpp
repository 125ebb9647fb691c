#pragma once
// The instrument types Litmus knows and the recorded methods of each: the
// one table that station validation (mock_config keys) and the mock
// drivers agree on.

#include <span>
#include <string_view>

namespace litmus {

struct MethodInfo {
  std::string_view name;
  bool returns_array;  // waveform-like: a generator, not a number
};

struct InstrumentTypeInfo {
  std::string_view type;
  std::span<const MethodInfo> methods;
};

std::span<const InstrumentTypeInfo> instrument_types();
const InstrumentTypeInfo* find_instrument_type(std::string_view type);
const MethodInfo* find_method(const InstrumentTypeInfo& type, std::string_view method);

}  // namespace litmus
