#include "store/lttb.hpp"

#include <cmath>
#include <numeric>

namespace litmus::store {

namespace {

template <class XAt>
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
    double avg_x = 0.0;
    double avg_y = 0.0;
    for (std::size_t i = next_start; i < next_end; ++i) {
      avg_x += x_at(i);
      avg_y += y[i];
    }
    const double count = static_cast<double>(next_end - next_start);
    avg_x /= count;
    avg_y /= count;

    const double ax = x_at(a);
    const double ay = y[a];
    double max_area = -1.0;
    std::size_t chosen = bucket_start;
    for (std::size_t i = bucket_start; i < bucket_end; ++i) {
      // Twice the triangle's area; the factor does not change the argmax.
      const double area = std::fabs((ax - avg_x) * (y[i] - ay) - (ax - x_at(i)) * (avg_y - ay));
      if (area > max_area) {
        max_area = area;
        chosen = i;
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
  return lttb(n, [x](std::size_t i) { return x[i]; }, y, threshold);
}

std::vector<std::size_t> lttb_indices_uniform(std::span<const double> y, std::size_t threshold) {
  return lttb(y.size(), [](std::size_t i) { return static_cast<double>(i); }, y, threshold);
}

}  // namespace litmus::store
