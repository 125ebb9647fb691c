#pragma once
// A simulated switch / relay matrix (generic SCPI, Keysight 34980A style):
// ROUT:CLOS (@101,102), ROUT:OPEN (@101), ROUT:OPEN:ALL, ROUT:CLOS? (@101)
// answering 1 or 0 per channel. Channels are any numbers from 1 to 9999.

#include <set>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

class SimSwitch : public SimInstrument {
 public:
  SimSwitch();

  bool is_closed(int channel) const;

 protected:
  void reset() override;

 private:
  std::set<int> closed_;
};

}  // namespace litmus::sim
