#include "litmus/instruments/dmm.hpp"

namespace litmus {

Dmm::Dmm(InstrumentBinding binding, std::unique_ptr<DmmDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Dmm::~Dmm() = default;

double Dmm::measure_voltage() {
  return record_scalar_read("measure_voltage", "voltage", "V", [this] { return driver_->measure_dc_voltage(); });
}

double Dmm::measure_dc_voltage() {
  return record_scalar_read("measure_dc_voltage", "voltage", "V", [this] { return driver_->measure_dc_voltage(); });
}

double Dmm::measure_ac_voltage() {
  return record_scalar_read("measure_ac_voltage", "ac_voltage", "V", [this] { return driver_->measure_ac_voltage(); });
}

double Dmm::measure_current() {
  return record_scalar_read("measure_current", "current", "A", [this] { return driver_->measure_current(); });
}

double Dmm::measure_resistance() {
  return record_scalar_read("measure_resistance", "resistance", "Ohm", [this] { return driver_->measure_resistance(); });
}

}  // namespace litmus
