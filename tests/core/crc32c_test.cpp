#include "core/crc32c.hpp"

#include <gtest/gtest.h>

#include <string>

namespace litmus {
namespace {

TEST(Crc32c, MatchesTheStandardCheckValue) {
  const std::string text = "123456789";
  EXPECT_EQ(crc32c::value(text.data(), text.size()), 0xE3069283u);
}

TEST(Crc32c, MaskRoundTripsAndChangesTheValue) {
  const std::uint32_t crc = crc32c::value("abc", 3);
  EXPECT_NE(crc32c::mask(crc), crc);
  EXPECT_EQ(crc32c::unmask(crc32c::mask(crc)), crc);
}

}  // namespace
}  // namespace litmus
