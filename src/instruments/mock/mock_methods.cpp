#include "instruments/mock/mock_methods.hpp"

#include <stdexcept>

#include "instruments/instrument_types.hpp"
#include "litmus/error.hpp"

namespace litmus {

MockMethods::MockMethods(std::string role, std::string_view type, const nlohmann::json& mock_config)
    : role_(std::move(role)) {
  const InstrumentTypeInfo* info = find_instrument_type(type);
  for (const auto& [method, spec] : mock_config.items()) {
    const MethodInfo* m = info ? find_method(*info, method) : nullptr;
    const MethodKind kind = m ? m->kind : MethodKind::read_scalar;
    if (kind == MethodKind::query) continue;
    values_.emplace(method, MockValue::parse(spec, kind));
  }
}

MockValue* MockMethods::find(std::string_view name) {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

MockValue& MockMethods::value(std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    if (MockValue* found = find(name)) return *found;
  }
  throw InstrumentError("mock " + role_ + " has no mock_config entry for " + std::string(*names.begin()) +
                        " (a mock method returns nothing unless configured in the station file)");
}

template <class T>
T MockMethods::next(std::initializer_list<std::string_view> names, const std::function<T(MockValue&)>& draw) {
  MockValue& configured = value(names);
  try {
    return draw(configured);
  } catch (const std::invalid_argument& e) {
    throw InstrumentError("mock " + role_ + ", mock_config " + std::string(*names.begin()) + ": " + e.what());
  }
}

double MockMethods::next_scalar(std::initializer_list<std::string_view> names, std::string_view argument) {
  return next<double>(names, [&](MockValue& v) { return v.next_scalar(argument); });
}

MockArray MockMethods::next_array(std::initializer_list<std::string_view> names, std::string_view argument) {
  return next<MockArray>(names, [&](MockValue& v) { return v.next_array(argument); });
}

}  // namespace litmus
