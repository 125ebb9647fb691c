#pragma once
// The waveform preamble (:WAV:PRE?) of Rigol and Keysight scopes, and
// turning a data block of raw counts into volts. Both use the same ten
// fields; they differ in what y-origin means, which the caller says by the
// linear scaling it builds: volts = raw * gain + offset.

#include <string>
#include <string_view>
#include <vector>

#include "litmus/sample_codes.hpp"
#include "litmus/waveform.hpp"

namespace litmus::drivers {

struct WaveformPreamble {
  int format = 0;  // 0 BYTE, 1 WORD, 2 ASCii
  int type = 0;    // 0 NORMal, 1 MAXimum, 2 RAW
  std::size_t points = 0;
  int count = 1;
  double x_increment = 0.0;
  double x_origin = 0.0;
  double x_reference = 0.0;
  double y_increment = 0.0;
  double y_origin = 0.0;
  double y_reference = 0.0;

  // The time of the record's first point.
  double first_x() const { return x_origin - x_reference * x_increment; }
};

// Throws InstrumentError naming `resource` and quoting the reply when it
// is not ten numbers.
WaveformPreamble parse_preamble(std::string_view reply, const std::string& resource);

// volts = raw * gain + offset (litmus::decode_samples).
using Scaling = SampleScaling;
// Rigol: volts = (raw - y_origin - y_reference) * y_increment.
Scaling rigol_scaling(const WaveformPreamble& preamble);
// Keysight: volts = (raw - y_reference) * y_increment + y_origin.
Scaling keysight_scaling(const WaveformPreamble& preamble);

// Appends the samples of `block` — bytes (format 0) or 16-bit words,
// least significant byte first (format 1) — scaled to volts. Throws
// InstrumentError naming `resource` for an odd-sized word block or
// another format.
void append_samples(std::string_view block, int format, Scaling scaling, const std::string& resource,
                    std::vector<double>& out);

// The same, keeping the raw codes too: appends `block` to out.codes
// (created on the first block with `scaling`) and its volts to
// out.samples. Every block of one waveform must share format and scaling.
void append_block(std::string_view block, int format, Scaling scaling, const std::string& resource, Waveform& out);

}  // namespace litmus::drivers
