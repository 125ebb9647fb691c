#pragma once
// The instrument types Litmus knows and the recorded methods of each: the
// one table that station validation (mock_config keys) and the mock
// drivers agree on.

#include <span>
#include <string_view>

namespace litmus {

enum class MethodKind {
  read_scalar,  // returns a number: mock_config gives a constant, list or generator
  read_array,   // waveform-like: mock_config gives an array generator
  // Changes the instrument's state and returns nothing, so there is nothing
  // to mock. Listed so that a mock_config key naming one is refused as a
  // setter, not as an unknown method.
  setter,
  // Raw SCPI query(): mock_config gives a map keyed by the command, each
  // entry a reply text, a number, a list (in turn) or a generator.
  query,
};

struct MethodInfo {
  std::string_view name;
  MethodKind kind;
};

struct InstrumentTypeInfo {
  std::string_view type;
  std::span<const MethodInfo> methods;
};

std::span<const InstrumentTypeInfo> instrument_types();
const InstrumentTypeInfo* find_instrument_type(std::string_view type);
const MethodInfo* find_method(const InstrumentTypeInfo& type, std::string_view method);

}  // namespace litmus
