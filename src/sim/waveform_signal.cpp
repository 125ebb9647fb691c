#include "sim/waveform_signal.hpp"

#include <cmath>
#include <numbers>

#include "sim/optional_setting.hpp"

namespace litmus::sim {

namespace {

// The phase (radians) at which the signal crosses `trigger`; 0 when it
// never reaches the level.
double trigger_phase(const WaveSignal& signal, const std::optional<TriggerCrossing>& trigger) {
  if (!trigger || signal.amplitude <= 0.0) return 0.0;
  const double ratio = (trigger->level - signal.offset) / signal.amplitude;
  if (ratio < -1.0 || ratio > 1.0) return 0.0;
  if (signal.shape == SignalShape::square) return trigger->rising ? 0.0 : std::numbers::pi;
  const double rising = std::asin(ratio);
  return trigger->rising ? rising : std::numbers::pi - rising;
}

}  // namespace

WaveSignal WaveSignal::read(const config::YamlAt& at) {
  config::check_keys(at, {"shape", "frequency", "amplitude", "offset", "noise"});
  WaveSignal signal;
  if (at.node["shape"]) {
    const config::YamlAt shape = at.child("shape");
    const std::string name = config::read_string(shape);
    if (name == "sine") {
      signal.shape = SignalShape::sine;
    } else if (name == "square") {
      signal.shape = SignalShape::square;
    } else if (name == "dc") {
      signal.shape = SignalShape::dc;
    } else {
      shape.fail("unknown shape '" + name + "'; expected one of: sine, square, dc");
    }
  }
  read_optional_real(at, "frequency", signal.frequency);
  read_optional_real(at, "amplitude", signal.amplitude);
  read_optional_real(at, "offset", signal.offset);
  read_optional_real(at, "noise", signal.noise);
  return signal;
}

std::vector<double> sample_signal(const WaveSignal& signal, std::size_t points, double x_origin, double x_increment,
                                  std::optional<TriggerCrossing> trigger, std::mt19937_64& rng) {
  std::vector<double> samples(points);
  const double omega = 2.0 * std::numbers::pi * signal.frequency;
  const double phase = trigger_phase(signal, trigger);
  for (std::size_t i = 0; i < points; ++i) {
    const double angle = omega * (x_origin + static_cast<double>(i) * x_increment) + phase;
    double value = signal.offset;
    switch (signal.shape) {
      case SignalShape::sine:
        value += signal.amplitude * std::sin(angle);
        break;
      case SignalShape::square:
        value += std::sin(angle) >= 0.0 ? signal.amplitude : -signal.amplitude;
        break;
      case SignalShape::dc:
        break;
    }
    samples[i] = value;
  }
  if (signal.noise > 0.0) {
    std::normal_distribution<double> noise(0.0, signal.noise);
    for (double& sample : samples) sample += noise(rng);
  }
  return samples;
}

}  // namespace litmus::sim
