#include "core/crc32c.hpp"

#include <gtest/gtest.h>

#include <string>

namespace litmus {
namespace {

TEST(Crc32c, MatchesTheStandardCheckValue) {
  const std::string text = "123456789";
  EXPECT_EQ(crc32c::value(text.data(), text.size()), 0xE3069283u);
}

TEST(Crc32c, FastPathMatchesBoostForEveryLengthAndAlignment) {
  std::string data(1100, '\0');
  std::uint32_t state = 12345;
  for (char& c : data) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 16);
  }
  for (std::size_t offset = 0; offset < 8; ++offset) {
    for (std::size_t size = 0; size + offset <= 1024; ++size) {
      ASSERT_EQ(crc32c::value(data.data() + offset, size), crc32c::value_portable(data.data() + offset, size))
          << "offset " << offset << " size " << size;
    }
  }
  EXPECT_EQ(crc32c::value_portable("123456789", 9), 0xE3069283u);
}

TEST(Crc32c, MaskRoundTripsAndChangesTheValue) {
  const std::uint32_t crc = crc32c::value("abc", 3);
  EXPECT_NE(crc32c::mask(crc), crc);
  EXPECT_EQ(crc32c::unmask(crc32c::mask(crc)), crc);
}

}  // namespace
}  // namespace litmus
