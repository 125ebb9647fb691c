#include "instruments/mock/mock_methods.hpp"

#include "instruments/instrument_types.hpp"
#include "litmus/error.hpp"

namespace litmus {

MockMethods::MockMethods(std::string role, std::string_view type, const nlohmann::json& mock_config)
    : role_(std::move(role)) {
  const InstrumentTypeInfo* info = find_instrument_type(type);
  for (const auto& [method, spec] : mock_config.items()) {
    const MethodInfo* m = info ? find_method(*info, method) : nullptr;
    values_.emplace(method, MockValue::parse(spec, m && m->kind == MethodKind::read_array));
  }
}

MockValue& MockMethods::value(std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    if (auto it = values_.find(name); it != values_.end()) return it->second;
  }
  throw InstrumentError("mock " + role_ + " has no mock_config entry for " + std::string(*names.begin()) +
                        " (a mock method returns nothing unless configured in the station file)");
}

}  // namespace litmus
