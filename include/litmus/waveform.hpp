#pragma once

#include <string>
#include <vector>

namespace litmus {

// One captured array: y samples at x = x_origin + i * x_increment.
struct Waveform {
  std::string channel;  // channel id, e.g. "scope.ch1"
  std::vector<double> samples;
  double x_origin = 0.0;
  double x_increment = 1.0;
  std::string x_units = "s";
  std::string y_units = "V";
  // Claim check of the stored copy: "channel://scope.ch1/<session>/<seq>".
  std::string ref;
};

}  // namespace litmus
