#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace litmus {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
// 2026-11-28T08:00:00Z
constexpr std::int64_t kMorning = 1'795'852'800 * kSecond;

TEST(Timestamp, IntegerNanoseconds) {
  EXPECT_EQ(parse_timestamp_ns("0"), 0);
  EXPECT_EQ(parse_timestamp_ns("1795852800000000000"), kMorning);
  EXPECT_FALSE(parse_timestamp_ns("-1"));
  EXPECT_FALSE(parse_timestamp_ns(""));
  EXPECT_FALSE(parse_timestamp_ns("12abc"));
  EXPECT_FALSE(parse_timestamp_ns("99999999999999999999"));
}

TEST(Timestamp, Iso8601Utc) {
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T08:00:00Z"), kMorning);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28t08:00:00z"), kMorning);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T08:00:00.5Z"), kMorning + kSecond / 2);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T08:00:00.123456789Z"), kMorning + 123'456'789);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T08:00:00.1234567891Z"), kMorning + 123'456'789);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T09:30:00+01:30"), kMorning);
  EXPECT_EQ(parse_timestamp_ns("2026-11-28T07:00:00-01:00"), kMorning);
  EXPECT_EQ(parse_timestamp_ns("2024-02-29T00:00:00Z"), 1'709'164'800 * kSecond);
}

TEST(Timestamp, FormatsAsIsoUtcWithNanosecondsAndReadsBack) {
  EXPECT_EQ(format_iso8601_utc(0), "1970-01-01T00:00:00.000000000Z");
  EXPECT_EQ(format_iso8601_utc(1'700'007'204'000'000'005), "2023-11-15T00:13:24.000000005Z");
  EXPECT_EQ(format_iso8601_utc(-1), "1969-12-31T23:59:59.999999999Z");
  for (const std::int64_t ts : {std::int64_t{1'795'852'800'123'456'789}, std::int64_t{951'782'400'000'000'000}}) {
    EXPECT_EQ(parse_timestamp_ns(format_iso8601_utc(ts)), ts);
  }
}

TEST(Timestamp, DateIsItsMidnightUtc) {
  EXPECT_EQ(parse_timestamp_ns("2026-11-28"), parse_timestamp_ns("2026-11-28T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp_ns("2026-02-30"));
  EXPECT_FALSE(parse_timestamp_ns("2026-1-280"));
}

TEST(Timestamp, RejectsWhatIsNotAnInstant) {
  for (const char* text :
       {"2026-11-28T08:00:00", "2026-11-28 08:00:00Z", "2026-11-28T08:00Z", "2026-11-28T08:00:00.Z",
        "2026-11-28T08:00:00ZZ", "2025-02-29T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-28T24:00:00Z",
        "2026-11-28T08:60:00Z", "2026-11-28T08:00:60Z", "2026-11-28T08:00:00+24:00", "1969-12-31T23:59:59Z",
        "2263-01-01T00:00:00Z", "T", "26-11-28T08:00:00Z"}) {
    EXPECT_FALSE(parse_timestamp_ns(text)) << text;
  }
}

}  // namespace
}  // namespace litmus
