#include "instruments/mock/mock_psu.hpp"

namespace litmus {

double MockPsu::measure_voltage() { return methods_.value({"measure_voltage"}).next_scalar(); }
double MockPsu::measure_current() { return methods_.value({"measure_current"}).next_scalar(); }

}  // namespace litmus
