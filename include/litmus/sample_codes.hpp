#pragma once
// An instrument's raw sample codes and the linear scaling that turns them
// into values. A scope sends 1 byte a point (BYTE format) or 2 (WORD); the
// journal and the ChannelStore keep those codes with their scaling instead
// of 8-byte doubles, and expand them on read. Expansion goes through
// decode_samples() only — the very function the scope drivers scale with —
// so the values read back are bit-identical to the ones the test got.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace litmus {

// How an array's samples are kept.
enum class SampleEncoding : std::uint8_t {
  float64 = 0,  // IEEE-754 binary64 values, little-endian
  u8 = 1,       // unsigned 8-bit codes (a scope's BYTE format)
  u16le = 2,    // unsigned 16-bit codes, least significant byte first (WORD)
};

// Bytes per sample: 8, 1, 2.
std::size_t sample_width(SampleEncoding encoding);
// "float64", "u8", "u16le" (the channel_arrays.encoding column).
std::string_view encoding_name(SampleEncoding encoding);
// The inverse of encoding_name; nullopt for anything else.
std::optional<SampleEncoding> parse_encoding(std::string_view name);

// value = code * gain + offset.
struct SampleScaling {
  double gain = 1.0;
  double offset = 0.0;
};

// Appends the values of `codes` — sample_width(encoding) bytes each, u8 or
// u16le — to `out`, each computed as `code * gain + offset` in double
// precision (never fused into one rounding). Throws std::invalid_argument
// for float64 or a byte count that is not a whole number of codes.
void decode_samples(SampleEncoding encoding, std::string_view codes, SampleScaling scaling, std::vector<double>& out);

// True when `values` are exactly (bit for bit) what decode_samples makes of
// `codes`.
bool samples_match_codes(SampleEncoding encoding, std::string_view codes, SampleScaling scaling,
                         std::span<const double> values);

// An array kept as codes: what a scope driver read, before scaling.
struct SampleCodes {
  SampleEncoding encoding = SampleEncoding::u8;
  SampleScaling scaling;
  std::string bytes;  // size() * sample_width(encoding) bytes

  std::size_t size() const { return bytes.size() / sample_width(encoding); }
};

}  // namespace litmus
