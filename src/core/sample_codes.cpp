// Compiled with -ffp-contract=off (CMakeLists.txt): `code * gain + offset`
// is always a multiplication rounded, then an addition rounded, whatever
// the target's FMA support, so values expanded later, elsewhere, are the
// values the driver computed.
#include "litmus/sample_codes.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace litmus {

namespace {

// The one expression. `code` converts to double exactly.
inline double scale(unsigned code, SampleScaling scaling) { return code * scaling.gain + scaling.offset; }

struct ByteTable {
  double values[256];
  explicit ByteTable(SampleScaling scaling) {
    for (unsigned code = 0; code < 256; ++code) values[code] = scale(code, scaling);
  }
};

inline unsigned word_at(const unsigned char* p) { return p[0] | (static_cast<unsigned>(p[1]) << 8); }

void check_codes(SampleEncoding encoding, std::string_view codes) {
  if (encoding != SampleEncoding::u8 && encoding != SampleEncoding::u16le) {
    throw std::invalid_argument("decode_samples: not a code encoding: " + std::string(encoding_name(encoding)));
  }
  if (codes.size() % sample_width(encoding) != 0) {
    throw std::invalid_argument("decode_samples: " + std::to_string(codes.size()) + " bytes are not whole " +
                                std::string(encoding_name(encoding)) + " codes");
  }
}

}  // namespace

std::size_t sample_width(SampleEncoding encoding) {
  switch (encoding) {
    case SampleEncoding::u8:
      return 1;
    case SampleEncoding::u16le:
      return 2;
    case SampleEncoding::float64:
      break;
  }
  return 8;
}

std::string_view encoding_name(SampleEncoding encoding) {
  switch (encoding) {
    case SampleEncoding::u8:
      return "u8";
    case SampleEncoding::u16le:
      return "u16le";
    case SampleEncoding::float64:
      break;
  }
  return "float64";
}

std::optional<SampleEncoding> parse_encoding(std::string_view name) {
  if (name == "float64") return SampleEncoding::float64;
  if (name == "u8") return SampleEncoding::u8;
  if (name == "u16le") return SampleEncoding::u16le;
  return std::nullopt;
}

void decode_samples(SampleEncoding encoding, std::string_view codes, SampleScaling scaling, std::vector<double>& out) {
  check_codes(encoding, codes);
  const auto* bytes = reinterpret_cast<const unsigned char*>(codes.data());
  const std::size_t count = codes.size() / sample_width(encoding);
  // push_back into reserved room rather than resize-then-assign: resize
  // would first zero the 8 bytes a sample, a second pass over memory that
  // costs as much as the decoding (a 1 M-point record: ~1 ms here).
  if (out.capacity() - out.size() < count) out.reserve(std::max(out.size() + count, 2 * out.capacity()));
  if (encoding == SampleEncoding::u8) {
    // A table of the 256 possible values: one load per sample.
    const ByteTable table(scaling);
    for (std::size_t i = 0; i < count; ++i) out.push_back(table.values[bytes[i]]);
  } else {
    for (std::size_t i = 0; i < count; ++i) out.push_back(scale(word_at(bytes + 2 * i), scaling));
  }
}

bool samples_match_codes(SampleEncoding encoding, std::string_view codes, SampleScaling scaling,
                         std::span<const double> values) {
  if (encoding != SampleEncoding::u8 && encoding != SampleEncoding::u16le) return false;
  if (codes.size() % sample_width(encoding) != 0 || codes.size() / sample_width(encoding) != values.size()) {
    return false;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(codes.data());
  // Bit patterns, so that a NaN compares equal to itself and -0.0 not to 0.0.
  std::uint64_t differ = 0;
  if (encoding == SampleEncoding::u8) {
    const ByteTable table(scaling);
    std::uint64_t bits[256];
    std::memcpy(bits, table.values, sizeof bits);
    for (std::size_t i = 0; i < values.size(); ++i) differ |= std::bit_cast<std::uint64_t>(values[i]) ^ bits[bytes[i]];
  } else {
    for (std::size_t i = 0; i < values.size(); ++i) {
      differ |= std::bit_cast<std::uint64_t>(values[i]) ^
                std::bit_cast<std::uint64_t>(scale(word_at(bytes + 2 * i), scaling));
    }
  }
  return differ == 0;
}

}  // namespace litmus
