#include "store/lttb.hpp"

#include <cmath>
#include <cstdint>
#include <numeric>

namespace litmus::store {

namespace {

// `kUniform`: x_at(i) == i, so a bucket's average x is its middle index and
// only y needs summing.
template <bool kUniform, class XAt>
std::vector<std::size_t> lttb(std::size_t n, XAt x_at, std::span<const double> y, std::size_t threshold) {
  std::vector<std::size_t> kept;
  if (threshold >= n || threshold < 3) {
    kept.resize(n);
    std::iota(kept.begin(), kept.end(), std::size_t{0});
    return kept;
  }
  kept.reserve(threshold);
  // The n - 2 inner points are split into threshold - 2 buckets.
  const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
  std::size_t a = 0;
  kept.push_back(a);
  for (std::size_t bucket = 0; bucket < threshold - 2; ++bucket) {
    const auto bucket_start = static_cast<std::size_t>(std::floor(static_cast<double>(bucket) * every)) + 1;
    const auto bucket_end = static_cast<std::size_t>(std::floor(static_cast<double>(bucket + 1) * every)) + 1;
    // Average of the next bucket (the last point for the final bucket).
    const std::size_t next_start = bucket_end;
    const std::size_t next_end =
        std::min(n, static_cast<std::size_t>(std::floor(static_cast<double>(bucket + 2) * every)) + 1);
    // Four partial sums in registers: one running sum is a chain of
    // dependent adds, slower than memory delivers the points.
    double sx0 = 0, sx1 = 0, sx2 = 0, sx3 = 0;
    double sy0 = 0, sy1 = 0, sy2 = 0, sy3 = 0;
    std::size_t i = next_start;
    for (; i + 4 <= next_end; i += 4) {
      if constexpr (!kUniform) {
        sx0 += x_at(i);
        sx1 += x_at(i + 1);
        sx2 += x_at(i + 2);
        sx3 += x_at(i + 3);
      }
      sy0 += y[i];
      sy1 += y[i + 1];
      sy2 += y[i + 2];
      sy3 += y[i + 3];
    }
    for (; i < next_end; ++i) {
      if constexpr (!kUniform) sx0 += x_at(i);
      sy0 += y[i];
    }
    const double count = static_cast<double>(next_end - next_start);
    const double avg_x = kUniform ? static_cast<double>(next_start + next_end - 1) / 2.0
                                  : ((sx0 + sx1) + (sx2 + sx3)) / count;
    const double avg_y = ((sy0 + sy1) + (sy2 + sy3)) / count;

    // Twice the triangle's area, |(ax - avg_x)(y - ay) - (ax - x)(avg_y - ay)|,
    // as |p·y + q·x + r|; the factor of two does not move the argmax.
    const double ax = x_at(a);
    const double ay = y[a];
    const double p = ax - avg_x;
    const double q = avg_y - ay;
    const double r = -p * ay - q * ax;
    double max_area = -1.0;
    std::size_t chosen = bucket_start;
    for (std::size_t j = bucket_start; j < bucket_end; ++j) {
      const double area = std::fabs(p * y[j] + q * x_at(j) + r);
      if (area > max_area) {
        max_area = area;
        chosen = j;
      }
    }
    kept.push_back(chosen);
    a = chosen;
  }
  kept.push_back(n - 1);
  return kept;
}

}  // namespace

std::vector<std::size_t> lttb_indices(std::span<const double> x, std::span<const double> y, std::size_t threshold) {
  const std::size_t n = std::min(x.size(), y.size());
  return lttb<false>(n, [x](std::size_t i) { return x[i]; }, y, threshold);
}

std::vector<std::size_t> lttb_indices_uniform(std::span<const double> y, std::size_t threshold) {
  // Through a signed integer: converting int64 to double is one instruction,
  // size_t to double is several.
  return lttb<true>(y.size(), [](std::size_t i) { return static_cast<double>(static_cast<std::int64_t>(i)); }, y,
                    threshold);
}

}  // namespace litmus::store
