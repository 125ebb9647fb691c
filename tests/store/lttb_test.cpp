// LTTB against cases computed by hand (see the comments for the areas).
#include "store/lttb.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace litmus::store {
namespace {

using Indices = std::vector<std::size_t>;

TEST(Lttb, ThreePointsKeepTheLargestTriangle) {
  // One bucket {1,2,3}; next-bucket average is the last point (4,0); from
  // a=(0,0) the doubled areas are 4|y|: 40, 0, 40 — the first maximum wins.
  const std::vector<double> x{0, 1, 2, 3, 4};
  const std::vector<double> y{0, 10, 0, -10, 0};
  EXPECT_EQ(lttb_indices(x, y, 3), (Indices{0, 1, 4}));
}

TEST(Lttb, TwoBuckets) {
  // every = 6/2 = 3. Bucket {1,2,3}, next average (5,-1): areas |−5y−x| =
  // 6, 27, 8 → 2. Bucket {4,5,6} from a=(2,5), next = (7,0): areas
  // |−5(y−5) + 5(2−x)| = 15, 25, 5 → 5.
  const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7};
  const std::vector<double> y{0, 1, 5, 1, 0, -3, 0, 0};
  EXPECT_EQ(lttb_indices(x, y, 4), (Indices{0, 2, 5, 7}));
}

TEST(Lttb, ReturnsEverythingWhenThereIsNothingToDrop) {
  const std::vector<double> x{0, 1, 2};
  const std::vector<double> y{1, 2, 3};
  EXPECT_EQ(lttb_indices(x, y, 3), (Indices{0, 1, 2}));
  EXPECT_EQ(lttb_indices(x, y, 100), (Indices{0, 1, 2}));
  EXPECT_EQ(lttb_indices(x, y, 2), (Indices{0, 1, 2}));  // below 3 is not a valid budget
  EXPECT_TRUE(lttb_indices({}, {}, 10).empty());
}

TEST(Lttb, KeepsFirstLastAndTheBudget) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise;
  std::vector<double> x(100000);
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = static_cast<double>(i) * 0.5;
    y[i] = noise(rng);
  }
  y[54321] = 100.0;  // a spike plain striding would likely miss
  const auto kept = lttb_indices(x, y, 500);
  ASSERT_EQ(kept.size(), 500u);
  EXPECT_EQ(kept.front(), 0u);
  EXPECT_EQ(kept.back(), x.size() - 1);
  EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));
  EXPECT_NE(std::find(kept.begin(), kept.end(), 54321u), kept.end());
}

TEST(Lttb, UniformMatchesExplicitIndexX) {
  std::vector<double> x(1000);
  std::vector<double> y(1000);
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = static_cast<double>(i);
    y[i] = std::sin(static_cast<double>(i) / 17.0) + (i % 13 == 0 ? 0.5 : 0.0);
  }
  EXPECT_EQ(lttb_indices_uniform(y, 100), lttb_indices(x, y, 100));
}

}  // namespace
}  // namespace litmus::store
