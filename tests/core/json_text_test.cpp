#include "core/json_text.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace litmus {
namespace {

std::string string_text(std::string_view text) {
  std::string out;
  json_text::append_string(out, text);
  return out;
}

std::string number_text(double value) {
  std::string out;
  json_text::append_number(out, value);
  return out;
}

// What nlohmann::json, strict (throws on invalid UTF-8), reads back.
nlohmann::json parsed(const std::string& text) { return nlohmann::json::parse(text); }

TEST(JsonText, PlainStringsAreQuotedAsIs) {
  EXPECT_EQ(string_text(""), R"("")");
  EXPECT_EQ(string_text("v_rail"), R"("v_rail")");
  EXPECT_EQ(string_text("verify() call at tests/test_power.cpp:31"), R"("verify() call at tests/test_power.cpp:31")");
}

TEST(JsonText, EscapesQuotesBackslashAndControlCharacters) {
  EXPECT_EQ(string_text("a\"b"), R"("a\"b")");
  EXPECT_EQ(string_text("C:\\dir"), R"("C:\\dir")");
  EXPECT_EQ(string_text("l1\nl2\r\t\b\f"), R"("l1\nl2\r\t\b\f")");
  EXPECT_EQ(string_text(std::string_view("\0\x01\x1f", 3)), R"("\u0000\u0001\u001f")");
  EXPECT_EQ(string_text("/"), R"("/")");
  EXPECT_EQ(string_text("\x7f"), "\"\x7f\"");  // DEL needs no escape
  // Every byte below 0x20 reads back as itself, and the text matches what
  // nlohmann writes.
  for (int c = 0; c < 0x20; ++c) {
    const std::string one(1, static_cast<char>(c));
    const std::string text = string_text("x" + one + "y");
    EXPECT_EQ(parsed(text).get<std::string>(), "x" + one + "y") << c;
    EXPECT_EQ(text, nlohmann::json("x" + one + "y").dump()) << c;
  }
}

TEST(JsonText, FindsASpecialByteAtEveryPositionOfALongString) {
  // Long plain runs are scanned a word at a time: a byte to escape or
  // check must be found wherever it sits.
  const std::vector<std::string> specials{"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x80", "\xC3\xA9", "\xFF"};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at <= 33; ++at) {
      std::string input(33, 'a');
      input.insert(at, special);
      EXPECT_EQ(string_text(input),
                nlohmann::json(input).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          << at;
    }
  }
}

TEST(JsonText, KeepsValidUtf8) {
  for (const char* text : {"µA", "Ω", "≤ 5 µs", "\xF0\x9F\x94\x8B battery", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_EQ(string_text(text), std::string("\"") + text + "\"");
    EXPECT_EQ(parsed(string_text(text)).get<std::string>(), text);
  }
}

TEST(JsonText, ReplacesInvalidUtf8WithReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  struct Case {
    std::string input, expected;
  };
  const Case cases[] = {
      {"a\x80" "b", "a" + fffd + "b"},                    // lone continuation byte
      {"\xC0\x80", fffd + fffd},                          // overlong NUL: C0 is never valid
      {"\xE0\x80\x80", fffd + fffd + fffd},               // overlong 3-byte form
      {"\xED\xA0\x80", fffd + fffd + fffd},               // UTF-16 surrogate
      {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},    // above U+10FFFF
      {"\xF5\x80", fffd + fffd},                          // F5..FF never valid
      {"\xFF", fffd},                                     //
      {"V\xE2\x82", "V" + fffd},                          // truncated at the end: one U+FFFD
      {"\xE2\x82V", fffd + "V"},                          // truncated before ASCII
      {"\xF0\x9F\x94", fffd},                             // 3 of 4 bytes
      {"\xC3\xA9\xC3", "\xC3\xA9" + fffd},                // valid é, then a cut one
      {"\xC3\"", fffd + "\\\""},                          // the byte that breaks a sequence is kept
  };
  for (const auto& c : cases) {
    const std::string text = string_text(c.input);
    EXPECT_EQ(text, "\"" + c.expected + "\"") << c.input;
    EXPECT_NO_THROW(parsed(text)) << c.input;
  }
}

TEST(JsonText, RandomBytesGiveValidJsonAsNlohmannReplaceDoes) {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> byte(0, 255), high_byte(0x70, 0xFF), length(0, 40);
  for (int round = 0; round < 40000; ++round) {
    // Half the rounds mostly non-ASCII, where UTF-8 sequences start and break.
    std::string input(static_cast<std::size_t>(length(random)), '\0');
    for (char& c : input) c = static_cast<char>(round % 2 ? high_byte(random) : byte(random));
    const std::string text = string_text(input);
    EXPECT_EQ(text, nlohmann::json(input).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << round;
    nlohmann::json value;
    ASSERT_NO_THROW(value = parsed(text)) << round;
    // Valid input reads back unchanged.
    bool valid = true;
    try {
      (void)nlohmann::json(input).dump();
    } catch (const nlohmann::json::type_error&) {
      valid = false;
    }
    if (valid) {
      EXPECT_EQ(value.get<std::string>(), input) << round;
    }
  }
}

// Escaped in two halves on two threads, the same bytes: cuts that fall
// inside UTF-8 sequences (valid and broken) and next to escapes included.
TEST(JsonText, LongStringsEscapedInTwoHalvesAreTheSameBytes) {
  std::mt19937 random(777);
  std::uniform_int_distribution<int> byte(0, 255), high_byte(0x70, 0xFF), length(0, 64);
  for (int round = 0; round < 20000; ++round) {
    std::string input(static_cast<std::size_t>(length(random)), '\0');
    for (char& c : input) c = static_cast<char>(round % 2 ? high_byte(random) : byte(random));
    std::string two_halves = "x";
    json_text::append_long_string(two_halves, input, /*split_from=*/1);
    EXPECT_EQ(two_halves, "x" + string_text(input)) << round;
  }
  // A long JSON text, as an MCP answer is, over the default threshold.
  std::string answer;
  for (int i = 0; answer.size() < json_text::kSplitStringFrom + 100; ++i) {
    answer += R"({"name":"v\u00e9 Ã© rail","n":)" + std::to_string(i) + "},\n";
  }
  std::string long_text;
  json_text::append_long_string(long_text, answer);
  EXPECT_EQ(long_text, string_text(answer));
}

TEST(JsonText, DoublesAreShortestAndRoundTrip) {
  EXPECT_EQ(number_text(3.3), "3.3");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(number_text(1.0), "1.0");  // stays a floating point number when read back
  EXPECT_EQ(number_text(-0.0), "-0.0");
  EXPECT_EQ(number_text(0.0), "0.0");
  EXPECT_EQ(number_text(1e20), "1e+20");
  EXPECT_EQ(number_text(-2.5e-7), "-2.5e-07");
  for (double value : {3.3, 1.0, -0.0, 1e20, 1e300, -1e-300, 5e-324, std::numeric_limits<double>::max(),
                       std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(), 123456789.0,
                       1e15, 1e16, 0.30000000000000004}) {
    const nlohmann::json back = parsed(number_text(value));
    ASSERT_TRUE(back.is_number_float()) << number_text(value);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back.get<double>()), std::bit_cast<std::uint64_t>(value))
        << number_text(value);
  }
  std::mt19937_64 random(7);
  for (int i = 0; i < 100000; ++i) {
    const double value = std::bit_cast<double>(random());
    if (!std::isfinite(value)) continue;
    const std::string text = number_text(value);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(parsed(text).get<double>()), std::bit_cast<std::uint64_t>(value)) << text;
  }
}

TEST(JsonText, NanAndInfinityAreNull) {
  EXPECT_EQ(number_text(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(number_text(-std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(number_text(-std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonText, IntegersAreExact) {
  std::string out;
  json_text::append_integer(out, std::numeric_limits<std::int64_t>::min());
  out += ' ';
  json_text::append_unsigned(out, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(out, "-9223372036854775808 18446744073709551615");
}

TEST(JsonText, ObjectsNestAndMatchNlohmann) {
  std::string text = "unchanged prefix ";
  json_text::Object payload(text);
  payload.string("name", "v \"rail\"");
  payload.number("value", std::nan(""));
  json_text::Object instrument = payload.object("instrument");
  instrument.unsigned_integer("seq", 42);
  instrument.string("role", "dmm");
  instrument.close();
  json_text::Object empty = payload.object("empty");
  empty.close();
  payload.boolean("repeated", true);
  payload.boolean("no", false);
  payload.integer("vector_retry", -1);
  payload.close();
  EXPECT_EQ(text,
            R"(unchanged prefix {"name":"v \"rail\"","value":null,"instrument":{"seq":42,"role":"dmm"},)"
            R"("empty":{},"repeated":true,"no":false,"vector_retry":-1})");
  const nlohmann::json expected{{"name", "v \"rail\""},
                                {"value", nullptr},
                                {"instrument", {{"seq", 42}, {"role", "dmm"}}},
                                {"empty", nlohmann::json::object()},
                                {"repeated", true},
                                {"no", false},
                                {"vector_retry", -1}};
  EXPECT_EQ(parsed(text.substr(17)), expected);
}

TEST(JsonText, EmptyObject) {
  std::string text;
  json_text::Object object(text);
  object.close();
  EXPECT_EQ(text, "{}");
}

}  // namespace
}  // namespace litmus
