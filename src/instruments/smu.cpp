#include "litmus/instruments/smu.hpp"

#include <nlohmann/json.hpp>

#include "instruments/argument_checks.hpp"

namespace litmus {

Smu::Smu(InstrumentBinding binding, std::unique_ptr<SmuDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Smu::~Smu() = default;

void Smu::source_voltage(double volts) {
  require_finite(role(), "source_voltage", volts, "V");
  record_set("source_voltage", "source_voltage", volts, "V", [&] { driver_->source_voltage(volts); });
}

void Smu::source_current(double amps) {
  require_finite(role(), "source_current", amps, "A");
  record_set("source_current", "source_current", amps, "A", [&] { driver_->source_current(amps); });
}

void Smu::set_current_compliance(double amps) {
  require_positive(role(), "set_current_compliance", amps, "A");
  record_set("set_current_compliance", "current_compliance", amps, "A", [&] { driver_->set_current_compliance(amps); });
}

void Smu::set_voltage_compliance(double volts) {
  require_positive(role(), "set_voltage_compliance", volts, "V");
  record_set("set_voltage_compliance", "voltage_compliance", volts, "V",
             [&] { driver_->set_voltage_compliance(volts); });
}

void Smu::enable_output() {
  record_set("enable_output", "output", true, "", [this] { driver_->set_output(true); });
}

void Smu::disable_output() {
  record_set("disable_output", "output", false, "", [this] { driver_->set_output(false); });
}

double Smu::measure_voltage() {
  return record_scalar_read("measure_voltage", "voltage", "V", [this] { return driver_->measure_voltage(); });
}

double Smu::measure_current() {
  return record_scalar_read("measure_current", "current", "A", [this] { return driver_->measure_current(); });
}

void Smu::make_safe() { disable_output(); }

}  // namespace litmus
