#include "transport/ieee_block.hpp"

#include <gtest/gtest.h>

namespace litmus::transport {
namespace {

TEST(IeeeBlockParser, DefiniteBlockInOneGo) {
  IeeeBlockParser parser;
  const std::string bytes = "#15hello\n";
  EXPECT_EQ(parser.feed(bytes), 8u);  // the terminator is left for the caller
  ASSERT_TRUE(parser.done());
  EXPECT_EQ(parser.payload(), "hello");
}

TEST(IeeeBlockParser, DefiniteBlockByteByByteWithNewlines) {
  const std::string payload("a\nb\0c\n", 6);
  const std::string bytes = "#206" + payload + "\n";
  IeeeBlockParser parser;
  std::size_t used = 0;
  for (std::size_t i = 0; i < bytes.size() && !parser.done(); ++i) used += parser.feed(bytes.substr(i, 1));
  ASSERT_TRUE(parser.done());
  EXPECT_EQ(used, bytes.size() - 1);
  EXPECT_EQ(parser.take_payload(), payload);
}

TEST(IeeeBlockParser, EmptyDefiniteBlock) {
  IeeeBlockParser parser;
  EXPECT_EQ(parser.feed("#10\n"), 3u);
  EXPECT_TRUE(parser.done());
  EXPECT_EQ(parser.payload(), "");
}

TEST(IeeeBlockParser, IndefiniteBlockEndsAtTheTerminator) {
  IeeeBlockParser parser;
  EXPECT_EQ(parser.feed("#0abc"), 5u);
  EXPECT_FALSE(parser.done());
  EXPECT_EQ(parser.feed("def\nrest"), 3u);
  ASSERT_TRUE(parser.done());
  EXPECT_EQ(parser.payload(), "abcdef");
}

TEST(IeeeBlockParser, IndefiniteBlockEndsAtMessageEnd) {
  IeeeBlockParser parser;
  EXPECT_EQ(parser.feed("#0abc", true), 5u);
  ASSERT_TRUE(parser.done());
  EXPECT_EQ(parser.payload(), "abc");
}

TEST(IeeeBlockParser, MalformedHeaders) {
  EXPECT_THROW(IeeeBlockParser().feed("1.5"), IeeeBlockError);
  EXPECT_THROW(IeeeBlockParser().feed("#x"), IeeeBlockError);
  EXPECT_THROW(IeeeBlockParser().feed("#3a2"), IeeeBlockError);
  try {
    IeeeBlockParser().feed("+1.0");
    FAIL();
  } catch (const IeeeBlockError& error) {
    EXPECT_STREQ(error.what(), "expected a block starting with '#', found '+'");
  }
}

TEST(IeeeBlockParser, AnnouncedLengthIsBounded) {
  IeeeBlockParser parser('\n', 100);
  try {
    parser.feed("#9999999999");
    FAIL();
  } catch (const IeeeBlockError& error) {
    EXPECT_STREQ(error.what(), "block announces 999999999 bytes, more than the maximum of 100");
  }
  IeeeBlockParser indefinite('\n', 4);
  EXPECT_THROW(indefinite.feed("#0abcdef"), IeeeBlockError);
}

}  // namespace
}  // namespace litmus::transport
