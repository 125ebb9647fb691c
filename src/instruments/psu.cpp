#include "litmus/instruments/psu.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "litmus/error.hpp"

namespace litmus {

namespace {

// A setpoint the supply could not sensibly take is a bug in the test, not
// an instrument failure: refuse it before the driver sees it, so a NaN from
// a bad calculation never reaches a powered bench.
void require_setpoint(const std::string& role, std::string_view method, double value, std::string_view units) {
  if (std::isfinite(value) && value >= 0) return;
  std::ostringstream message;
  message << role << " (" << method << "): expected a finite, non-negative value in " << units << ", got " << value;
  throw Error(message.str());
}

}  // namespace

Psu::Psu(InstrumentBinding binding, std::unique_ptr<PsuDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Psu::~Psu() = default;

void Psu::set_voltage(double volts) {
  require_setpoint(role(), "set_voltage", volts, "V");
  record_set("set_voltage", "voltage", volts, "V", [&] { driver_->set_voltage(volts); });
}

void Psu::set_current_limit(double amps) {
  require_setpoint(role(), "set_current_limit", amps, "A");
  record_set("set_current_limit", "current_limit", amps, "A", [&] { driver_->set_current_limit(amps); });
}

void Psu::enable_output() {
  record_set("enable_output", "output", true, "", [this] { driver_->set_output(true); });
}

void Psu::disable_output() {
  record_set("disable_output", "output", false, "", [this] { driver_->set_output(false); });
}

double Psu::measure_voltage() {
  return record_scalar_read("measure_voltage", "voltage", "V", [this] { return driver_->measure_voltage(); });
}

double Psu::measure_current() {
  return record_scalar_read("measure_current", "current", "A", [this] { return driver_->measure_current(); });
}

void Psu::make_safe() { disable_output(); }

}  // namespace litmus
