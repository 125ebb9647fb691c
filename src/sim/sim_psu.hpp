#pragma once
// A simulated multi-output power supply: generic SCPI (INST:NSEL n,
// [SOUR:]VOLT, [SOUR:]CURR, OUTP ON|OFF, MEAS:VOLT?, MEAS:CURR?) and the
// Rigol DP800 dialect (:SOUR<n>:VOLT, :OUTP CH<n>,ON, :OUTP? CH<n>,
// :MEAS:VOLT? CH<n>, :APPL CH<n>,v,i, :OUTP:MODE? CH<n>). Each output
// drives a resistive load: the current follows V/R until it reaches the
// limit, then the output regulates current (CC) and the voltage falls.

#include <vector>

#include "sim/sim_instrument.hpp"

namespace litmus::sim {

struct PsuOutput {
  double max_voltage = 30.0;
  double max_current = 3.0;
  double load_ohms = 100.0;  // 0: nothing connected
  double voltage = 0.0;      // setpoint
  double current_limit = 0.0;
  bool on = false;
};

class SimPsu : public SimInstrument {
 public:
  SimPsu();  // three outputs, as a DP832: 30 V/3 A, 30 V/3 A, 5 V/3 A

  // `output` from 1; ohms 0 disconnects the load.
  void set_load(int output, double ohms);
  PsuOutput output(int output) const;

  // Config key: outputs: a list of {max_voltage, max_current, load_ohms}.
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  struct Reading {
    double voltage;
    double current;
    bool constant_current;
  };
  Reading read(int output) const;
  // -114 for an output the supply does not have.
  std::size_t index(int output) const;
  PsuOutput& at(int output);
  // The output a command addresses: its header suffix, a "CH<n>" parameter
  // at `arg`, or the one INST selected; checked to exist.
  int addressed(const Call& call, std::size_t arg) const;
  void add_commands();

  std::vector<PsuOutput> outputs_;
  int selected_ = 1;
};

}  // namespace litmus::sim
