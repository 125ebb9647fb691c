#pragma once

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/dmm.hpp"

namespace litmus {

// A DMM answering from mock_config; measure_dc_voltage falls back to the
// measure_voltage entry (they read the same quantity).
class MockDmm : public DmmDriver {
 public:
  explicit MockDmm(MockMethods methods) : methods_(std::move(methods)) {}
  double measure_dc_voltage() override;
  double measure_ac_voltage() override;
  double measure_current() override;
  double measure_resistance() override;

 private:
  MockMethods methods_;
};

}  // namespace litmus
