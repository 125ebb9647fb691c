#pragma once
// The configured mock values of one instrument's driver methods, by method
// name (the raw `query:` entry goes to its MockTransport instead).

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "instruments/mock/mock_value.hpp"

namespace litmus {

class MockMethods {
 public:
  // `mock_config` was validated when the station was loaded.
  MockMethods(std::string role, std::string_view type, const nlohmann::json& mock_config);

  // The first configured method of `names`; throws InstrumentError naming
  // the role and method when none is configured (so typos show).
  MockValue& value(std::initializer_list<std::string_view> names);
  // The configured method, or null: for the few methods a mock can answer
  // from what it was told (a switch's is_closed).
  MockValue* find(std::string_view name);

  // value(names).next_scalar(argument) / next_array(argument), with a keyed
  // spec lacking `argument` reported as an InstrumentError naming the role
  // and method.
  double next_scalar(std::initializer_list<std::string_view> names, std::string_view argument = {});
  MockArray next_array(std::initializer_list<std::string_view> names, std::string_view argument);

  const std::string& role() const { return role_; }

 private:
  template <class T>
  T next(std::initializer_list<std::string_view> names, const std::function<T(MockValue&)>& draw);

  std::string role_;
  std::map<std::string, MockValue, std::less<>> values_;
};

}  // namespace litmus
