#include "instruments/mock/mock_dmm.hpp"

namespace litmus {

double MockDmm::measure_dc_voltage() {
  return methods_.value({"measure_dc_voltage", "measure_voltage"}).next_scalar();
}
double MockDmm::measure_ac_voltage() { return methods_.value({"measure_ac_voltage"}).next_scalar(); }
double MockDmm::measure_current() { return methods_.value({"measure_current"}).next_scalar(); }
double MockDmm::measure_resistance() { return methods_.value({"measure_resistance"}).next_scalar(); }

}  // namespace litmus
