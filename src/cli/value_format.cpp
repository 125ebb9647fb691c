#include "cli/value_format.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace litmus::cli {

namespace {

constexpr std::int64_t kNsPerSecond = 1'000'000'000;

// Splits ns since the epoch into whole seconds and the ns within, rounding
// towards the past so times before 1970 keep a positive fraction.
std::pair<std::time_t, std::int64_t> split_ns(std::int64_t ts_ns) {
  std::int64_t seconds = ts_ns / kNsPerSecond;
  std::int64_t fraction = ts_ns % kNsPerSecond;
  if (fraction < 0) {
    fraction += kNsPerSecond;
    --seconds;
  }
  return {static_cast<std::time_t>(seconds), fraction};
}

std::string format_tm(const std::tm& tm, const char* format) {
  char text[64];
  const std::size_t n = std::strftime(text, sizeof text, format, &tm);
  return std::string(text, n);
}

}  // namespace

std::string local_time(std::optional<std::int64_t> ts_ns) {
  if (!ts_ns) return {};
  const auto [seconds, fraction] = split_ns(*ts_ns);
  std::tm tm{};
  if (!::localtime_r(&seconds, &tm)) return std::to_string(*ts_ns);
  return format_tm(tm, "%Y-%m-%d %H:%M:%S");
}

std::string duration(std::optional<std::int64_t> ns) {
  if (!ns) return {};
  const std::int64_t value = *ns;
  char text[32];
  if (value < 1'000) {
    std::snprintf(text, sizeof text, "%lld ns", static_cast<long long>(value));
  } else if (value < 1'000'000) {
    std::snprintf(text, sizeof text, "%.1f us", static_cast<double>(value) / 1e3);
  } else if (value < kNsPerSecond) {
    std::snprintf(text, sizeof text, "%.1f ms", static_cast<double>(value) / 1e6);
  } else if (value < 60 * kNsPerSecond) {
    std::snprintf(text, sizeof text, "%.2f s", static_cast<double>(value) / 1e9);
  } else if (const std::int64_t seconds = value / kNsPerSecond; seconds < 3600) {
    std::snprintf(text, sizeof text, "%lldm %02llds", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof text, "%lldh %02lldm", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60));
  }
  return text;
}

std::string display_number(std::optional<double> value) {
  if (!value) return {};
  char text[32];
  const int length = std::snprintf(text, sizeof text, "%.10g", *value);
  return std::string(text, static_cast<std::size_t>(length));
}

}  // namespace litmus::cli
