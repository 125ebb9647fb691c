#include "drivers/waveform_preamble.hpp"

#include <charconv>
#include <cmath>

#include "litmus/error.hpp"

namespace litmus::drivers {

WaveformPreamble parse_preamble(std::string_view reply, const std::string& resource) {
  double fields[10];
  std::size_t count = 0;
  std::string_view rest = reply;
  while (count < 10) {
    const std::size_t comma = rest.find(',');
    std::string_view field = rest.substr(0, comma);
    while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
    if (!field.empty() && field.front() == '+') field.remove_prefix(1);
    auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), fields[count]);
    if (error != std::errc() || end != field.data() + field.size() || !std::isfinite(fields[count])) break;
    ++count;
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (count != 10 || fields[2] < 0 || fields[4] <= 0) {
    throw InstrumentError(resource + ": :WAV:PRE?: not a waveform preamble: '" + std::string(reply.substr(0, 200)) +
                          "'");
  }
  WaveformPreamble p;
  p.format = static_cast<int>(fields[0]);
  p.type = static_cast<int>(fields[1]);
  p.points = static_cast<std::size_t>(fields[2]);
  p.count = static_cast<int>(fields[3]);
  p.x_increment = fields[4];
  p.x_origin = fields[5];
  p.x_reference = fields[6];
  p.y_increment = fields[7];
  p.y_origin = fields[8];
  p.y_reference = fields[9];
  return p;
}

Scaling rigol_scaling(const WaveformPreamble& p) {
  return {p.y_increment, -(p.y_origin + p.y_reference) * p.y_increment};
}

Scaling keysight_scaling(const WaveformPreamble& p) {
  return {p.y_increment, p.y_origin - p.y_reference * p.y_increment};
}

namespace {

SampleEncoding encoding_of(std::string_view block, int format, const std::string& resource) {
  if (format == 0) return SampleEncoding::u8;
  if (format == 1 && block.size() % 2 == 0) return SampleEncoding::u16le;
  throw InstrumentError(resource + ": :WAV:DATA?: cannot decode a " + std::to_string(block.size()) +
                        "-byte block of format " + std::to_string(format));
}

}  // namespace

void append_samples(std::string_view block, int format, Scaling scaling, const std::string& resource,
                    std::vector<double>& out) {
  decode_samples(encoding_of(block, format, resource), block, scaling, out);
}

void append_block(std::string_view block, int format, Scaling scaling, const std::string& resource, Waveform& out) {
  const SampleEncoding encoding = encoding_of(block, format, resource);
  if (!out.codes) {
    out.codes = SampleCodes{encoding, scaling, {}};
  } else if (out.codes->encoding != encoding) {
    throw InstrumentError(resource + ": :WAV:DATA?: blocks of one waveform in different formats");
  }
  out.codes->bytes.append(block);
  decode_samples(encoding, block, out.codes->scaling, out.samples);
}

}  // namespace litmus::drivers
