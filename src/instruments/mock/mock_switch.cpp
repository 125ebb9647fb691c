#include "instruments/mock/mock_switch.hpp"

namespace litmus {

void MockSwitch::open(std::string_view route) {
  if (auto it = closed_.find(route); it != closed_.end()) closed_.erase(it);
}

bool MockSwitch::is_closed(std::string_view route) {
  if (methods_.find("is_closed")) return methods_.next_scalar({"is_closed"}, route) != 0.0;
  return closed_.contains(route);
}

}  // namespace litmus
