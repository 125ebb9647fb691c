#include "transport/scpi_reply.hpp"

#include <gtest/gtest.h>

namespace litmus::transport {
namespace {

TEST(ScpiReply, Numbers) {
  EXPECT_DOUBLE_EQ(*parse_scpi_number("+1.23456789E+00"), 1.23456789);
  EXPECT_DOUBLE_EQ(*parse_scpi_number(" -3e-3 "), -3e-3);
  EXPECT_DOUBLE_EQ(*parse_scpi_number("42"), 42);
  EXPECT_FALSE(parse_scpi_number(""));
  EXPECT_FALSE(parse_scpi_number("1.2V"));
  EXPECT_FALSE(parse_scpi_number("ON"));
  EXPECT_FALSE(parse_scpi_number("1,2"));
  EXPECT_FALSE(parse_scpi_number("nan"));
  EXPECT_FALSE(parse_scpi_number("++1"));
  EXPECT_TRUE(is_scpi_overflow(*parse_scpi_number("9.9E+37")));
  EXPECT_TRUE(is_scpi_overflow(*parse_scpi_number("-9.9E37")));
  EXPECT_TRUE(is_scpi_overflow(*parse_scpi_number("9.91E37")));
  EXPECT_FALSE(is_scpi_overflow(1e30));
}

TEST(ScpiReply, ErrorEntryCodes) {
  EXPECT_EQ(error_entry_code("-113,\"Undefined header\""), -113);
  EXPECT_EQ(error_entry_code("+0,\"No error\""), 0);
  EXPECT_EQ(error_entry_code("0"), 0);
  EXPECT_FALSE(error_entry_code("No error"));
  EXPECT_FALSE(error_entry_code("-1x,\"?\""));
}

TEST(ScpiReply, IdnFields) {
  const auto id = split_idn("Keysight Technologies,34461A,MY53012345,A.03.01-02.40,extra ");
  EXPECT_EQ(id.manufacturer, "Keysight Technologies");
  EXPECT_EQ(id.model, "34461A");
  EXPECT_EQ(id.serial, "MY53012345");
  EXPECT_EQ(id.firmware, "A.03.01-02.40,extra");
  const auto short_one = split_idn("ACME, X1");
  EXPECT_EQ(short_one.model, "X1");
  EXPECT_EQ(short_one.serial, "");
}

TEST(ScpiReply, QuotedReplies) {
  EXPECT_EQ(quote_reply("ok\r\n"), "ok\\r\\n");
  EXPECT_EQ(quote_reply(std::string("\0\x7f", 2)), "\\x00\\x7f");
  EXPECT_EQ(quote_reply("abcdef", 3), "abc... (6 bytes)");
}

}  // namespace
}  // namespace litmus::transport
