#include "instruments/mock/mock_value.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace litmus {
namespace {

using nlohmann::json;

constexpr MethodKind kScalar = MethodKind::read_scalar;
constexpr MethodKind kArray = MethodKind::read_array;

// Why `spec` is refused for a method of `kind`; "no error" when it is not.
std::string message(const json& spec, MethodKind kind) {
  try {
    MockValue::parse(spec, kind);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(MockValue, ConstantAndListInTurn) {
  auto constant = MockValue::parse(3.3, kScalar);
  EXPECT_EQ(constant.next_scalar(), 3.3);
  EXPECT_EQ(constant.next_scalar(), 3.3);
  auto list = MockValue::parse(json::array({1, 2, 3}), kScalar);
  std::vector<double> got;
  for (int i = 0; i < 5; ++i) got.push_back(list.next_scalar());
  EXPECT_EQ(got, (std::vector<double>{1, 2, 3, 1, 2}));
}

TEST(MockValue, SeededGeneratorsAreReproducible) {
  const json spec = json::parse(R"({"normal": {"mean": 3.3, "sd": 0.01, "seed": 42}})");
  auto a = MockValue::parse(spec, kScalar);
  auto b = MockValue::parse(spec, kScalar);
  for (int i = 0; i < 10; ++i) {
    const double value = a.next_scalar();
    EXPECT_EQ(value, b.next_scalar());
    EXPECT_NEAR(value, 3.3, 0.1);
  }
  auto uniform = MockValue::parse(json::parse(R"({"uniform": {"low": 1, "high": 2, "seed": 1}})"), kScalar);
  for (int i = 0; i < 100; ++i) {
    const double value = uniform.next_scalar();
    EXPECT_GE(value, 1.0);
    EXPECT_LT(value, 2.0);
  }
}

TEST(MockValue, KeyedByTheFirstArgument) {
  auto keyed = MockValue::parse(json::parse(R"({"ch1": 1.5, "ch2": [2, 3]})"), kScalar);
  EXPECT_EQ(keyed.next_scalar("ch1"), 1.5);
  EXPECT_EQ(keyed.next_scalar("ch2"), 2);
  EXPECT_EQ(keyed.next_scalar("ch2"), 3);
  EXPECT_THROW(keyed.next_scalar("ch3"), std::invalid_argument);
}

TEST(MockValue, SineWaveform) {
  auto sine =
      MockValue::parse(json::parse(R"({"sine": {"freq": 1000, "amplitude": 2, "points": 400, "cycles": 4}})"), kArray);
  const MockArray array = sine.next_array();
  ASSERT_EQ(array.samples.size(), 400u);
  EXPECT_DOUBLE_EQ(array.x_increment, 4.0 / (1000.0 * 400.0));
  EXPECT_NEAR(array.samples[0], 0.0, 1e-12);
  EXPECT_NEAR(array.samples[25], 2.0, 1e-9);  // a quarter period: 100 points a cycle
  EXPECT_THROW(sine.next_scalar(), std::invalid_argument);
}

TEST(MockValue, InvalidSpecsSayWhy) {
  EXPECT_NE(message(json::array(), kScalar).find("empty"), std::string::npos);
  EXPECT_NE(message(json::parse(R"({"normal": {"mean": 1}})"), kScalar).find("missing parameter 'sd'"),
            std::string::npos);
  EXPECT_NE(message(json::parse(R"({"normal": {"mean": 1, "sd": -1}})"), kScalar).find("negative"), std::string::npos);
  EXPECT_NE(message(json::parse(R"({"sine": {"freq": 0, "amplitude": 1}})"), kArray).find("positive"),
            std::string::npos);
  EXPECT_NE(message(json::parse(R"({"sine": {"freq": 1, "amplitude": 1, "points": 1.5}})"), kArray).find("whole"),
            std::string::npos);
  EXPECT_NE(message("text", kScalar).find("expected a number"), std::string::npos);
  EXPECT_NE(message(json::parse(R"({"ch1": {"normal": {"mean": "x", "sd": 1}}})"), kScalar).find("ch1: normal.mean"),
            std::string::npos);
}

TEST(MockValue, QueryRepliesAreKeyedByCommand) {
  auto replies = MockValue::parse(
      json::parse(R"({"*IDN?": "Acme,DMM1,42,1.0", "MEAS:VOLT?": 1.234, "READ?": ["1", 2.5], "NOISE?": )"
                  R"({"uniform": {"low": 1, "high": 1, "seed": 3}}})"),
      MethodKind::query);
  EXPECT_EQ(replies.next_text("*IDN?"), "Acme,DMM1,42,1.0");
  EXPECT_EQ(replies.next_text("MEAS:VOLT?"), "1.234");
  EXPECT_EQ(replies.next_text("READ?"), "1");
  EXPECT_EQ(replies.next_text("READ?"), "2.5");
  EXPECT_EQ(replies.next_text("READ?"), "1");
  EXPECT_EQ(replies.next_text("NOISE?"), "1");
  EXPECT_TRUE(replies.has_entry("READ?"));
  EXPECT_FALSE(replies.has_entry("FETCH?"));
  EXPECT_THROW(replies.next_text("FETCH?"), std::invalid_argument);
}

TEST(MockValue, QueryAndSetterSpecsSayWhy) {
  EXPECT_NE(message("1.0", MethodKind::query).find("mapping from command to reply"), std::string::npos);
  EXPECT_NE(message(json::parse(R"({"A?": {"b": 1}})"), MethodKind::query).find("A?: expected a reply"),
            std::string::npos);
  EXPECT_NE(message(json::parse(R"({"A?": [true]})"), MethodKind::query).find("text or a number"), std::string::npos);
  EXPECT_NE(message(1.0, MethodKind::setter).find("nothing to mock"), std::string::npos);
  // Text is for queries only: a measurement's typo still fails at load.
  EXPECT_NE(message(json::array({1, "two"}), kScalar).find("number"), std::string::npos);
}

}  // namespace
}  // namespace litmus
