#pragma once

#include <map>
#include <optional>

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/dmm.hpp"

namespace litmus {

// What a meter has been told: per function, its range (nullopt: autorange)
// and integration time.
struct DmmSettings {
  std::map<DmmFunction, std::optional<double>> ranges;
  std::map<DmmFunction, double> nplc;
};

// A DMM answering from mock_config; measure_dc_voltage falls back to the
// measure_voltage entry (they read the same quantity).
class MockDmm : public DmmDriver {
 public:
  explicit MockDmm(MockMethods methods) : methods_(std::move(methods)) {}
  double measure_dc_voltage() override;
  double measure_ac_voltage() override;
  double measure_current() override;
  double measure_ac_current() override;
  double measure_resistance() override;
  double measure_frequency() override;
  void set_range(DmmFunction function, std::optional<double> range) override { settings_.ranges[function] = range; }
  void set_nplc(DmmFunction function, double nplc) override { settings_.nplc[function] = nplc; }

  const DmmSettings& settings() const { return settings_; }

 private:
  MockMethods methods_;
  DmmSettings settings_;
};

}  // namespace litmus
