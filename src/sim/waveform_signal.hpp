#pragma once
// What a simulated scope channel sees: a periodic signal with Gaussian
// noise, sampled over a time window. A scope triggering on the channel
// sees the trigger crossing at t = 0, as a real scope centres it.

#include <optional>
#include <random>
#include <vector>

#include "config/yaml_checks.hpp"

namespace litmus::sim {

enum class SignalShape { sine, square, dc };

struct WaveSignal {
  SignalShape shape = SignalShape::sine;
  double frequency = 1000.0;  // Hz
  double amplitude = 1.0;     // V, peak
  double offset = 0.0;        // V
  double noise = 0.0;         // V, standard deviation

  // Config keys: shape (sine|square|dc), frequency, amplitude, offset, noise.
  static WaveSignal read(const config::YamlAt& at);
};

struct TriggerCrossing {
  double level = 0.0;
  bool rising = true;
};

// `points` samples at t = x_origin + i * x_increment. With `trigger`, the
// signal crosses its level (on its slope) at t = 0 when it reaches it.
std::vector<double> sample_signal(const WaveSignal& signal, std::size_t points, double x_origin, double x_increment,
                                  std::optional<TriggerCrossing> trigger, std::mt19937_64& rng);

}  // namespace litmus::sim
