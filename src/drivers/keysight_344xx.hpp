#pragma once
// Keysight 34460A/34461A/34465A/34470A ("keysight_344xx"). MEAS? would
// reset the meter's range and NPLC on every reading; this driver
// configures a function once (CONF:<f> [range], then the NPLC set for it)
// and takes each reading with READ?, so settings hold and readings are
// quicker. Ranges and NPLC are sent as set (SENS:<f>:RANG, :NPLC) and
// checked.

#include "drivers/scpi_dmm.hpp"

namespace litmus::drivers {

class Keysight344xx : public ScpiDmm {
 public:
  explicit Keysight344xx(DriverContext& ctx) : ScpiDmm(ctx) {}

  void set_nplc(DmmFunction function, double nplc) override;

 protected:
  double measure(DmmFunction function) override;

 private:
  std::optional<DmmFunction> configured_;  // what CONF last selected
  std::array<std::optional<double>, 6> nplc_;
};

}  // namespace litmus::drivers
