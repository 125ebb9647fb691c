#pragma once

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/psu.hpp"

namespace litmus {

// What a supply has been told, as a real one would hold it.
struct PsuSetpoints {
  double voltage = 0;
  double current_limit = 0;
  bool output = false;
};

// A power supply whose measurements come from mock_config. Setters are
// accepted and remembered but change no measurement: a mock has no load
// model, and mock_config alone decides what a test reads.
class MockPsu : public PsuDriver {
 public:
  explicit MockPsu(MockMethods methods) : methods_(std::move(methods)) {}
  void set_voltage(double volts) override { setpoints_.voltage = volts; }
  void set_current_limit(double amps) override { setpoints_.current_limit = amps; }
  void set_output(bool on) override { setpoints_.output = on; }
  double measure_voltage() override;
  double measure_current() override;

  const PsuSetpoints& setpoints() const { return setpoints_; }

 private:
  MockMethods methods_;
  PsuSetpoints setpoints_;
};

}  // namespace litmus
