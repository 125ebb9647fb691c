// ctx.changed(): true on the first vector and when the value moves; an
// unknown key is an error naming the keys there are.
#include "vectors/input_changes.hpp"

#include <gtest/gtest.h>

#include <string>

#include "litmus/error.hpp"
#include "sweep_yaml.hpp"

namespace litmus {
namespace {

TEST(InputChanged, TrueOnTheFirstRow) {
  const VectorRow row{{"temp", 25}};
  EXPECT_TRUE(input_changed(nullptr, row, "temp"));
}

TEST(InputChanged, FollowsTheValueAcrossACrossedSweep) {
  const auto rows = testing::expand_yaml("sweeps:\n  - {temp: [25, 85]}\n  - {vin: [3, 5]}");
  ASSERT_EQ(rows.size(), 4u);
  bool temp[4];
  bool vin[4];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    temp[i] = input_changed(i == 0 ? nullptr : &rows[i - 1], rows[i], "temp");
    vin[i] = input_changed(i == 0 ? nullptr : &rows[i - 1], rows[i], "vin");
  }
  EXPECT_TRUE(temp[0]);
  EXPECT_FALSE(temp[1]);  // outer group: holds while the inner one sweeps
  EXPECT_TRUE(temp[2]);
  EXPECT_FALSE(temp[3]);
  for (bool changed : vin) EXPECT_TRUE(changed);
}

TEST(InputChanged, ComparesValuesNotSpelling) {
  const VectorRow before{{"temp", 25}, {"mode", "fast"}};
  EXPECT_FALSE(input_changed(&before, VectorRow{{"temp", 25.0}}, "temp"));
  EXPECT_TRUE(input_changed(&before, VectorRow{{"temp", 25.5}}, "temp"));
  EXPECT_FALSE(input_changed(&before, VectorRow{{"mode", "fast"}}, "mode"));
  EXPECT_TRUE(input_changed(&before, VectorRow{{"mode", "slow"}}, "mode"));
}

TEST(InputChanged, KeyNewSinceThePreviousRowHasChanged) {
  const VectorRow before{{"vin", 3}};
  EXPECT_TRUE(input_changed(&before, VectorRow{{"vin", 3}, {"temp", 25}}, "temp"));
}

TEST(InputChanged, UnknownKeyNamesTheKnownKeys) {
  const VectorRow row{{"vin", 3}, {"temp", 25}};
  try {
    input_changed(nullptr, row, "tmp");
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string text = e.what();
    EXPECT_NE(text.find("'tmp'"), std::string::npos) << text;
    EXPECT_NE(text.find("its inputs are: vin, temp"), std::string::npos) << text;
  }
}

TEST(InputChanged, NoSweepSaysSo) {
  EXPECT_THROW(
      {
        try {
          input_changed(nullptr, VectorRow{}, "temp");
        } catch (const Error& e) {
          EXPECT_NE(std::string(e.what()).find("no sweep"), std::string::npos) << e.what();
          throw;
        }
      },
      Error);
}

}  // namespace
}  // namespace litmus
