#pragma once

#include <vector>

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/psu.hpp"

namespace litmus {

// What one output of a supply has been told, as a real one would hold it.
struct PsuSetpoints {
  double voltage = 0;
  double current_limit = 0;
  bool output = false;
};

// A power supply whose measurements come from mock_config (a spec keyed by
// output number, {"1": 5.0, "2": 3.3}, answers per output). Setters are
// accepted and remembered but change no measurement: a mock has no load
// model, and mock_config alone decides what a test reads.
class MockPsu : public PsuDriver {
 public:
  explicit MockPsu(MockMethods methods, int output_count = 1)
      : methods_(std::move(methods)), setpoints_(static_cast<std::size_t>(output_count)) {}
  void set_voltage(int output, double volts) override { at(output).voltage = volts; }
  void set_current_limit(int output, double amps) override { at(output).current_limit = amps; }
  void set_output(int output, bool on) override { at(output).output = on; }
  double measure_voltage(int output) override;
  double measure_current(int output) override;
  int output_count() const override { return static_cast<int>(setpoints_.size()); }

  const PsuSetpoints& setpoints(int output = 1) const { return setpoints_.at(static_cast<std::size_t>(output - 1)); }

 private:
  PsuSetpoints& at(int output) { return setpoints_.at(static_cast<std::size_t>(output - 1)); }

  MockMethods methods_;
  std::vector<PsuSetpoints> setpoints_;  // [0] is output 1
};

}  // namespace litmus
