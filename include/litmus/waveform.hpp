#pragma once

#include <optional>
#include <string>
#include <vector>

#include "litmus/sample_codes.hpp"

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
  // The instrument's raw codes, when the driver kept them (the scope
  // drivers do): `samples` are then exactly decode_samples() of them.
  // The journal and the ChannelStore keep these, 1–2 bytes a point,
  // instead of the doubles; a recorded read checks that the two agree bit
  // for bit and stores the doubles when they do not (a driver that
  // rescaled `samples` afterwards, say).
  std::optional<SampleCodes> codes;
};

}  // namespace litmus
