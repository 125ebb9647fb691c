// The SCPI text drivers share: numbers that round-trip, channel names.
#include <gtest/gtest.h>

#include <charconv>
#include <litmus/error.hpp>

#include "drivers/scpi_text.hpp"

namespace litmus::drivers {
namespace {

TEST(ScpiNumber, KeepsEveryDigitAndNoMore) {
  EXPECT_EQ(scpi_number(5.0), "5");
  EXPECT_EQ(scpi_number(0.1), "0.1");
  EXPECT_EQ(scpi_number(-0.25), "-0.25");
  EXPECT_EQ(scpi_number(12.3456789012), "12.3456789012");
  for (double value : {1e-9, 3.3000001, 1.0 / 3.0, 123456789.125, 2e-6}) {
    const std::string text = scpi_number(value);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(back, value) << text;
  }
}

TEST(OnOff, SpellsScpiBooleans) {
  EXPECT_EQ(on_off(true), "ON");
  EXPECT_EQ(on_off(false), "OFF");
}

TEST(ChannelNumber, ParsesChNInAnyCase) {
  EXPECT_EQ(channel_number("scope", "ch1", 4), 1);
  EXPECT_EQ(channel_number("scope", "CH4", 4), 4);
  EXPECT_EQ(channel_number("scope", "Ch2", 4), 2);
}

TEST(ChannelNumber, RejectsOtherNamesNamingRoleAndChoices) {
  for (const char* name : {"ch0", "ch5", "ch", "c1", "1", "ch1 ", "ch-1", "ch+1", "chan1", ""}) {
    try {
      channel_number("scope", name, 4);
      ADD_FAILURE() << "'" << name << "' was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(std::string(error.what()), "scope: unknown channel '" + std::string(name) + "': expected ch1 … ch4");
    }
  }
}

}  // namespace
}  // namespace litmus::drivers
