#include "instruments/mock/mock_dmm.hpp"

namespace litmus {

double MockDmm::measure_dc_voltage() { return methods_.next_scalar({"measure_dc_voltage", "measure_voltage"}); }
double MockDmm::measure_ac_voltage() { return methods_.next_scalar({"measure_ac_voltage"}); }
double MockDmm::measure_current() { return methods_.next_scalar({"measure_current"}); }
double MockDmm::measure_ac_current() { return methods_.next_scalar({"measure_ac_current"}); }
double MockDmm::measure_resistance() { return methods_.next_scalar({"measure_resistance"}); }
double MockDmm::measure_frequency() { return methods_.next_scalar({"measure_frequency"}); }

}  // namespace litmus
