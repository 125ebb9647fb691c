#include "instruments/mock/mock_psu.hpp"

#include <string>

namespace litmus {

double MockPsu::measure_voltage(int output) {
  return methods_.next_scalar({"measure_voltage"}, std::to_string(output));
}

double MockPsu::measure_current(int output) {
  return methods_.next_scalar({"measure_current"}, std::to_string(output));
}

}  // namespace litmus
