#pragma once
// Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the
// first and last point and, per bucket, the point forming the largest
// triangle with the previously kept point and the next bucket's average —
// so peaks survive where plain striding would drop them.

#include <cstddef>
#include <span>
#include <vector>

namespace litmus::store {

// Indices of the kept points, ascending. Returns every index when
// threshold >= x.size() or threshold < 3. x and y have equal sizes; x is
// expected ascending.
std::vector<std::size_t> lttb_indices(std::span<const double> x, std::span<const double> y, std::size_t threshold);

// Same for samples at x = i (uniform spacing: waveforms).
std::vector<std::size_t> lttb_indices_uniform(std::span<const double> y, std::size_t threshold);

}  // namespace litmus::store
