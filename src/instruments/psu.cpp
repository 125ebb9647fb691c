#include "litmus/instruments/psu.hpp"

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "instruments/argument_checks.hpp"
#include "instruments/each_number.hpp"

namespace litmus {

namespace {

// Output 1 keeps the plain channel names of a single-output supply
// ("psu.voltage"), so adding a second output to a station changes no
// existing chart or limit.
std::string quantity_of(int output, std::string_view quantity) {
  if (output == 1) return std::string(quantity);
  return "ch" + std::to_string(output) + "." + std::string(quantity);
}

}  // namespace

Psu::Psu(InstrumentBinding binding, std::unique_ptr<PsuDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

Psu::~Psu() = default;

int Psu::output_count() const { return driver_->output_count(); }

void Psu::set_voltage(double volts, int output) {
  require_non_negative(role(), "set_voltage", volts, "V");
  require_number_in_range(role(), "set_voltage", "output", output, output_count());
  record_set("set_voltage", "voltage", volts, "V", {{"output", output}}, [&] { driver_->set_voltage(output, volts); });
}

void Psu::set_current_limit(double amps, int output) {
  require_non_negative(role(), "set_current_limit", amps, "A");
  require_number_in_range(role(), "set_current_limit", "output", output, output_count());
  record_set("set_current_limit", "current_limit", amps, "A", {{"output", output}},
             [&] { driver_->set_current_limit(output, amps); });
}

void Psu::enable_output(int output) {
  require_number_in_range(role(), "enable_output", "output", output, output_count());
  record_set("enable_output", "output", true, "", {{"output", output}}, [&] { driver_->set_output(output, true); });
}

void Psu::disable_output(int output) {
  require_number_in_range(role(), "disable_output", "output", output, output_count());
  record_set("disable_output", "output", false, "", {{"output", output}}, [&] { driver_->set_output(output, false); });
}

double Psu::measure_voltage(int output) {
  require_number_in_range(role(), "measure_voltage", "output", output, output_count());
  return record_scalar_read("measure_voltage", quantity_of(output, "voltage"), "V",
                            [&] { return driver_->measure_voltage(output); });
}

double Psu::measure_current(int output) {
  require_number_in_range(role(), "measure_current", "output", output, output_count());
  return record_scalar_read("measure_current", quantity_of(output, "current"), "A",
                            [&] { return driver_->measure_current(output); });
}

void Psu::make_safe() {
  std::lock_guard lock(call_mutex());
  for_each_number(output_count(), [this](int output) { disable_output(output); });
}

}  // namespace litmus
