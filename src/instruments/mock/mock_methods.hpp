#pragma once
// The configured mock values of one instrument, by method name.

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

 private:
  std::string role_;
  std::map<std::string, MockValue, std::less<>> values_;
};

}  // namespace litmus
