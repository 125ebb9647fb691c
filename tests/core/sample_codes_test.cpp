// Sample codes: the one expansion of a scope's raw codes to doubles, the
// same bits the drivers always produced, and the check that doubles are
// what some codes expand to.
#include "litmus/sample_codes.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace litmus {
namespace {

// What the scope drivers computed before codes were kept: the Rigol
// scaling of a DS1104Z preamble (y_increment 0.04, y_origin -25, y_reference
// 127), raw * gain + offset.
SampleScaling rigol() {
  const double y_increment = 0.04;
  const double y_origin = -25.0;
  const double y_reference = 127.0;
  return {y_increment, -(y_origin + y_reference) * y_increment};
}

std::uint64_t bits(double value) { return std::bit_cast<std::uint64_t>(value); }

TEST(SampleCodes, BytesExpandToTheDoublesTheDriverComputed) {
  for (const SampleScaling scaling : {rigol(), SampleScaling{0.0123456789, -1.56789}, SampleScaling{1e-7, 3.3}}) {
    std::string codes;
    for (int code = 0; code < 256; ++code) codes.push_back(static_cast<char>(code));
    codes += codes;
    std::vector<double> values{42.0};  // appends
    decode_samples(SampleEncoding::u8, codes, scaling, values);
    ASSERT_EQ(values.size(), 513u);
    EXPECT_EQ(values[0], 42.0);
    for (std::size_t i = 0; i < 512; ++i) {
      const int raw = static_cast<unsigned char>(codes[i]);
      const double expected = raw * scaling.gain + scaling.offset;
      ASSERT_EQ(bits(values[i + 1]), bits(expected)) << "code " << raw;
    }
    EXPECT_TRUE(samples_match_codes(SampleEncoding::u8, codes, scaling, std::span(values).subspan(1)));
  }
}

TEST(SampleCodes, WordsAreLittleEndian) {
  const SampleScaling scaling{0.04 / 256, -(-6400.0 + 32768.0) * (0.04 / 256)};
  const unsigned words[] = {0, 1, 255, 256, 32767, 32768, 40000, 65535};
  std::string codes;
  for (unsigned word : words) {
    codes.push_back(static_cast<char>(word & 0xff));
    codes.push_back(static_cast<char>(word >> 8));
  }
  std::vector<double> values;
  decode_samples(SampleEncoding::u16le, codes, scaling, values);
  ASSERT_EQ(values.size(), std::size(words));
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(bits(values[i]), bits(words[i] * scaling.gain + scaling.offset)) << words[i];
  }
  EXPECT_TRUE(samples_match_codes(SampleEncoding::u16le, codes, scaling, values));
}

TEST(SampleCodes, MatchIsBitForBit) {
  const std::string codes = "\x01\x80\xff";
  std::vector<double> values;
  decode_samples(SampleEncoding::u8, codes, rigol(), values);
  ASSERT_TRUE(samples_match_codes(SampleEncoding::u8, codes, rigol(), values));
  auto moved = values;
  moved[1] = std::nextafter(moved[1], 1e9);
  EXPECT_FALSE(samples_match_codes(SampleEncoding::u8, codes, rigol(), moved));
  EXPECT_FALSE(samples_match_codes(SampleEncoding::u8, codes, rigol(), std::span(values).first(2)));
  EXPECT_FALSE(samples_match_codes(SampleEncoding::float64, codes, rigol(), values));
  EXPECT_FALSE(samples_match_codes(SampleEncoding::u16le, codes, rigol(), values));
  // A NaN scaling expands to NaNs, which match themselves.
  const SampleScaling nan{std::numeric_limits<double>::quiet_NaN(), 0.0};
  std::vector<double> nans;
  decode_samples(SampleEncoding::u8, codes, nan, nans);
  EXPECT_TRUE(samples_match_codes(SampleEncoding::u8, codes, nan, nans));
}

TEST(SampleCodes, RefusesWhatIsNotWholeCodes) {
  std::vector<double> values;
  EXPECT_THROW(decode_samples(SampleEncoding::u16le, "abc", rigol(), values), std::invalid_argument);
  EXPECT_THROW(decode_samples(SampleEncoding::float64, "abcdefgh", rigol(), values), std::invalid_argument);
  EXPECT_TRUE(values.empty());
}

TEST(SampleCodes, EncodingNames) {
  for (auto encoding : {SampleEncoding::float64, SampleEncoding::u8, SampleEncoding::u16le}) {
    EXPECT_EQ(parse_encoding(encoding_name(encoding)), encoding);
  }
  EXPECT_EQ(sample_width(SampleEncoding::float64), 8u);
  EXPECT_EQ(sample_width(SampleEncoding::u8), 1u);
  EXPECT_EQ(sample_width(SampleEncoding::u16le), 2u);
  EXPECT_FALSE(parse_encoding("int8"));
  SampleCodes codes{SampleEncoding::u16le, {}, "abcd"};
  EXPECT_EQ(codes.size(), 2u);
}

}  // namespace
}  // namespace litmus
