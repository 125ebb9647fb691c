#include "core/timestamp.hpp"

#include <chrono>
#include <limits>
#include <string>

#include "core/parse_integer.hpp"

namespace litmus {
namespace {

// Reads exactly `digits` decimal digits at `pos`, advancing it.
std::optional<int> fixed_digits(std::string_view text, std::size_t& pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<std::int64_t> parse_iso8601_ns(std::string_view text) {
  using namespace std::chrono;
  std::size_t pos = 0;
  const auto year = fixed_digits(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = fixed_digits(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = fixed_digits(text, pos, 2);
  if (!day || !(expect(text, pos, 'T') || expect(text, pos, 't'))) return std::nullopt;
  const auto hour = fixed_digits(text, pos, 2);
  if (!hour || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = fixed_digits(text, pos, 2);
  if (!minute || !expect(text, pos, ':')) return std::nullopt;
  const auto second = fixed_digits(text, pos, 2);
  if (!second) return std::nullopt;

  std::int64_t fraction_ns = 0;
  if (expect(text, pos, '.')) {
    std::int64_t scale = 100'000'000;
    const std::size_t first = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      fraction_ns += (text[pos] - '0') * scale;  // digits beyond ns are dropped
      scale /= 10;
      ++pos;
    }
    if (pos == first) return std::nullopt;
  }

  int offset_minutes = 0;
  const bool utc = expect(text, pos, 'Z') || expect(text, pos, 'z');
  if (!utc) {
    // A timestamp without a zone would depend on the server's time zone.
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
    const int sign = text[pos++] == '-' ? -1 : 1;
    const auto oh = fixed_digits(text, pos, 2);
    if (!oh || !expect(text, pos, ':')) return std::nullopt;
    const auto om = fixed_digits(text, pos, 2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset_minutes = sign * (*oh * 60 + *om);
  }
  if (pos != text.size()) return std::nullopt;

  const year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                            std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;

  // Seconds since the epoch fit easily in int64; only the scaling to ns can overflow.
  const std::int64_t seconds = sys_days(date).time_since_epoch().count() * std::int64_t{86400} + *hour * 3600 +
                               *minute * 60 + *second - std::int64_t{offset_minutes} * 60;
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  if (seconds < 0 || seconds > (max - fraction_ns) / 1'000'000'000) return std::nullopt;
  return seconds * 1'000'000'000 + fraction_ns;
}

}  // namespace

std::optional<std::int64_t> parse_timestamp_ns(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return parse_iso8601_ns(std::string(text) + "T00:00:00Z");  // a date: its midnight, UTC
  }
  if (text.find('T') != std::string_view::npos || text.find('t') != std::string_view::npos) {
    return parse_iso8601_ns(text);
  }
  const auto ns = parse_integer(text);
  if (ns && *ns < 0) return std::nullopt;
  return ns;
}

void append_iso8601_utc(std::string& out, std::int64_t ts_ns) {
  using namespace std::chrono;
  constexpr std::int64_t kNs = 1'000'000'000;
  // Floor towards the past, so times before 1970 keep a positive fraction.
  std::int64_t seconds = ts_ns / kNs;
  std::int64_t fraction = ts_ns % kNs;
  if (fraction < 0) {
    fraction += kNs;
    --seconds;
  }
  const sys_days day = floor<days>(sys_seconds(std::chrono::seconds(seconds)));
  const year_month_day date(day);
  std::int64_t in_day = seconds - day.time_since_epoch().count() * 86400;
  // Written digit by digit: this runs once per row of a million-row export.
  char text[32];
  const auto put = [&text](int at, std::int64_t value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) text[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, static_cast<int>(date.year()), 4);
  text[4] = '-';
  put(5, static_cast<unsigned>(date.month()), 2);
  text[7] = '-';
  put(8, static_cast<unsigned>(date.day()), 2);
  text[10] = 'T';
  put(11, in_day / 3600, 2);
  text[13] = ':';
  put(14, in_day / 60 % 60, 2);
  text[16] = ':';
  put(17, in_day % 60, 2);
  text[19] = '.';
  put(20, fraction, 9);
  text[29] = 'Z';
  out.append(text, 30);
}

std::string format_iso8601_utc(std::int64_t ts_ns) {
  std::string text;
  append_iso8601_utc(text, ts_ns);
  return text;
}

}  // namespace litmus
