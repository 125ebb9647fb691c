#pragma once
// A simulated two-channel function generator (generic SCPI, Keysight
// 33500 style): [SOUR<n>:]FUNC SIN|SQU|RAMP|PULS|NOIS|DC, [SOUR<n>:]FREQ,
// [SOUR<n>:]VOLT (Vpp), [SOUR<n>:]VOLT:OFFS, OUTP<n> ON|OFF, and their
// queries.

#include <vector>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

struct FgenChannel {
  std::size_t shape = 0;  // index of SIN, SQU, RAMP, PULS, NOIS, DC
  double frequency = 1000.0;
  double amplitude = 0.1;  // Vpp
  double offset = 0.0;
  bool output = false;
};

class SimFgen : public SimInstrument {
 public:
  SimFgen();

  FgenChannel channel(int number) const;

  // Config key: channels (how many, default 2).
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  FgenChannel& at(int number);

  std::vector<FgenChannel> channels_;
};

}  // namespace litmus::sim
