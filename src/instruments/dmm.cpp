#include "litmus/instruments/dmm.hpp"

#include <nlohmann/json.hpp>

#include "instruments/argument_checks.hpp"

namespace litmus {

std::string_view to_string(DmmFunction function) {
  switch (function) {
    case DmmFunction::dc_voltage:
      return "dc_voltage";
    case DmmFunction::ac_voltage:
      return "ac_voltage";
    case DmmFunction::dc_current:
      return "dc_current";
    case DmmFunction::ac_current:
      return "ac_current";
    case DmmFunction::resistance:
      return "resistance";
    case DmmFunction::frequency:
      return "frequency";
  }
  return "unknown";
}

namespace {

std::string_view units_of(DmmFunction function) {
  switch (function) {
    case DmmFunction::dc_voltage:
    case DmmFunction::ac_voltage:
      return "V";
    case DmmFunction::dc_current:
    case DmmFunction::ac_current:
      return "A";
    case DmmFunction::resistance:
      return "Ohm";
    case DmmFunction::frequency:
      return "Hz";
  }
  return "";
}

}  // namespace

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

double Dmm::measure_ac_current() {
  return record_scalar_read("measure_ac_current", "ac_current", "A", [this] { return driver_->measure_ac_current(); });
}

double Dmm::measure_resistance() {
  return record_scalar_read("measure_resistance", "resistance", "Ohm",
                            [this] { return driver_->measure_resistance(); });
}

double Dmm::measure_frequency() {
  return record_scalar_read("measure_frequency", "frequency", "Hz", [this] { return driver_->measure_frequency(); });
}

void Dmm::set_range(DmmFunction function, double range) {
  require_positive(role(), "set_range", range, units_of(function));
  record_configure("set_range", {{"function", to_string(function)}, {"range", range}, {"units", units_of(function)}},
                   [&] { driver_->set_range(function, range); });
}

void Dmm::set_autorange(DmmFunction function) {
  record_configure("set_autorange", {{"function", to_string(function)}, {"range", "auto"}},
                   [&] { driver_->set_range(function, std::nullopt); });
}

void Dmm::set_nplc(DmmFunction function, double nplc) {
  require_positive(role(), "set_nplc", nplc, "");
  record_configure("set_nplc", {{"function", to_string(function)}, {"nplc", nplc}},
                   [&] { driver_->set_nplc(function, nplc); });
}

}  // namespace litmus
