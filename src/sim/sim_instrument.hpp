#pragma once
// SimInstrument: what every simulated instrument shares — executing SCPI
// program messages through its CommandTable, the IEEE 488.2 common
// commands (*IDN?, *RST, *CLS, *OPC?, *ESR? ...), SYST:ERR? over a real
// error queue, seeded measurement noise and the faults to inject. A model
// (SimDmm, SimPsu ...) adds its commands and state.
//
// Thread-safe: execute() and every public setter of a model hold the
// instrument's mutex, so several connections and a test changing values
// meanwhile see one consistent instrument.

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "config/yaml_checks.hpp"
#include "sim/command_table.hpp"
#include "sim/error_queue.hpp"
#include "sim/sim_faults.hpp"

namespace litmus::sim {

struct SimIdentity {
  std::string manufacturer;
  std::string model;
  std::string serial;
  std::string firmware;
};

class SimInstrument {
 public:
  virtual ~SimInstrument();
  SimInstrument(const SimInstrument&) = delete;
  SimInstrument& operator=(const SimInstrument&) = delete;

  // "dmm", "psu", "scope", "eload", "fgen", "smu", "switch".
  const std::string& type() const { return type_; }

  // Runs one program message (a line without its terminator). Returns the
  // reply line when the message held queries that answered; errors go to
  // the queue and end the message there, as on a real instrument.
  std::optional<std::string> execute(std::string_view message);

  // Queues an error as if a command had raised it (fault injection).
  void push_error(int code, const std::string& message = {});

  void set_identity(SimIdentity identity);
  SimIdentity identity() const;
  // Relative standard deviation of measurement noise (1e-4: 100 ppm);
  // 0 gives exact values.
  void set_noise(double relative_sd);
  void set_seed(std::uint64_t seed);
  void set_faults(const Faults& faults);
  Faults faults() const;
  // Whether the next reply is lost (drop_every / drop_probability).
  bool drop_next_reply();

  // Reads the model's own keys of a config file's instrument entry
  // (values, loads, signals ...). The default accepts none.
  virtual void configure(const config::YamlAt& settings);

 protected:
  SimInstrument(std::string type, SimIdentity identity);

  CommandTable& commands() { return commands_; }
  std::mutex& mutex() const { return mutex_; }
  // `value` with the configured noise added (call with the mutex held).
  double noisy(double value);
  std::mt19937_64& rng() { return rng_; }
  // The identity, from inside a handler (with the mutex held).
  const SimIdentity& current_identity() const { return identity_; }
  // Queues an error from inside a handler that still answers (with the
  // mutex held).
  void queue_error(int code, const std::string& message) { errors_.push(code, message); }
  // *RST: the model's power-on settings (called with the mutex held).
  virtual void reset() = 0;

 private:
  void add_common_commands();

  std::string type_;
  SimIdentity identity_;
  mutable std::mutex mutex_;
  CommandTable commands_;
  ErrorQueue errors_;
  int event_enable_ = 0;
  double noise_ = 0.0;
  std::mt19937_64 rng_;
  Faults faults_;
  ReplyDropper dropper_;
};

}  // namespace litmus::sim
