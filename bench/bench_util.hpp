#pragma once
// Small helpers shared by the benchmark drivers: a latency histogram, the
// realistic instrument.read payload, temp directories and RSS readings.

#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.hpp"

namespace litmus::bench {

inline std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline std::int64_t realtime_ns() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Log-linear histogram (HdrHistogram-like): 64 sub-buckets per power of two,
// so any reported percentile is within 1/64 (1.6 %) of the true value.
class Histogram {
 public:
  void record(std::uint64_t value) {
    ++counts_[index(value)];
    ++total_;
    max_ = std::max(max_, value);
    min_ = std::min(min_, value);
    sum_ += value;
  }
  std::uint64_t count() const { return total_; }
  std::uint64_t max() const { return max_; }
  std::uint64_t min() const { return total_ ? min_ : 0; }
  double mean() const { return total_ ? static_cast<double>(sum_) / static_cast<double>(total_) : 0.0; }
  // Upper bound of the bucket holding the q-quantile (0 < q <= 1).
  std::uint64_t percentile(double q) const {
    if (total_ == 0) return 0;
    const auto rank = static_cast<std::uint64_t>(q * static_cast<double>(total_) + 0.5);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      seen += counts_[i];
      if (seen >= std::max<std::uint64_t>(rank, 1)) return std::min(upper(i), max_);
    }
    return max_;
  }

 private:
  static constexpr int kSubBits = 6;  // 64 sub-buckets
  static constexpr std::size_t kSub = std::size_t{1} << kSubBits;
  static std::size_t index(std::uint64_t v) {
    if (v < kSub) return static_cast<std::size_t>(v);
    const int msb = 63 - std::countl_zero(v);  // >= kSubBits
    const int shift = msb - kSubBits;
    const std::uint64_t sub = (v >> shift) & (kSub - 1);
    return static_cast<std::size_t>((shift + 1)) * kSub + static_cast<std::size_t>(sub);
  }
  static std::uint64_t upper(std::size_t i) {
    if (i < kSub) return i;
    const std::size_t shift = i / kSub - 1;
    const std::uint64_t sub = i % kSub;
    return ((kSub + sub + 1) << shift) - 1;
  }
  std::array<std::uint64_t, 64 * 64> counts_{};
  std::uint64_t total_ = 0;
  std::uint64_t max_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t sum_ = 0;
};

// A realistic scalar read, built and dumped exactly as
// Instrument::record_scalar_read does it (nlohmann, keys sorted), ~100 B.
inline std::string read_payload(std::uint64_t i) {
  nlohmann::json payload{{"method", "measure_voltage_dc"}, {"channel", "dmm.voltage_dc"}, {"units", "V"}};
  payload["value"] = 3.3 + static_cast<double>(i % 1000) * 1.234567e-5;
  payload["duration_ns"] = 41000 + (i * 7919) % 20000;
  return payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A fresh directory under $TMPDIR (or /tmp), removed by the destructor:
// the tests' helper.
using TempDir = litmus::testing::TempDir;

// A field ("VmRSS", "VmHWM") of /proc/<pid>/status in kB; -1 when absent.
inline long proc_status_kb(const std::string& pid_or_self, std::string_view field) {
  std::ifstream in("/proc/" + pid_or_self + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
      return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
  }
  return -1;
}

inline double mb(long kb) { return static_cast<double>(kb) / 1024.0; }

inline const char* verdict(bool met) { return met ? "MET" : "NOT MET"; }

}  // namespace litmus::bench
