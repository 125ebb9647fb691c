// Cp, Cpk, Pp, Ppk and the Cpk interval from hand-computed samples.
#include "metrics/capability.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace litmus::metrics {
namespace {

// The sums the store's query makes of `runs` (a vector of values each),
// shifted as it shifts them.
CapabilitySums sums_of(const std::vector<std::vector<double>>& runs, double shift) {
  CapabilitySums s;
  s.shift = shift;
  for (const auto& values : runs) {
    double s1 = 0;
    double s2 = 0;
    for (const double x : values) {
      s1 += x - shift;
      s2 += (x - shift) * (x - shift);
    }
    const auto n = static_cast<double>(values.size());
    s.n += static_cast<std::int64_t>(values.size());
    s.runs += 1;
    s.sum += s1;
    s.sum_squares += s2;
    if (values.size() > 1) s.within_ss += s2 - s1 * s1 / n;
    s.within_df += static_cast<std::int64_t>(values.size()) - 1;
  }
  return s;
}

TEST(Capability, OneValuePerRunGivesCpkEqualToPpk) {
  // 1..5: mean 3, s = sqrt(2.5) = 1.5811388; limits 0..8.
  const auto row = capability_of(sums_of({{1}, {2}, {3}, {4}, {5}}, 4), 0.0, 8.0, 5);
  EXPECT_DOUBLE_EQ(row.mean, 3);
  EXPECT_NEAR(*row.sigma_overall, 1.5811388300841898, 1e-12);
  EXPECT_NEAR(*row.sigma_within, 1.5811388300841898, 1e-12);
  EXPECT_NEAR(*row.cp, 0.8432740427115678, 1e-12);   // 8 / 6s
  EXPECT_NEAR(*row.cpk, 0.6324555320336759, 1e-12);  // min(5, 3) / 3s
  EXPECT_NEAR(*row.ppk, *row.cpk, 1e-15);
  // Bissell: 0.6325 ± 1.96 sqrt(1/45 + 0.6325² / 8)
  EXPECT_NEAR(*row.cpk_ci_low, 0.10573103800887085, 1e-12);
  EXPECT_NEAR(*row.cpk_ci_high, 1.1591800260584808, 1e-12);
  EXPECT_EQ(row.undefined_reason, "");
}

TEST(Capability, RepeatedValuesInARunGiveTheWithinRunSigma) {
  // Runs {1, 3} and {2, 4}: within ss 2 + 2 over 2 df → s_w = sqrt(2);
  // overall s of 1, 3, 2, 4 = 1.2909944. Only an upper limit (10).
  const auto row = capability_of(sums_of({{1, 3}, {2, 4}}, 10), std::nullopt, 10.0, 4);
  EXPECT_DOUBLE_EQ(row.mean, 2.5);
  EXPECT_NEAR(*row.sigma_within, std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(*row.sigma_overall, 1.2909944487358056, 1e-12);
  EXPECT_FALSE(row.cp);  // one-sided: no Cp, no Pp
  EXPECT_FALSE(row.pp);
  EXPECT_NEAR(*row.cpk, 1.7677669529663687, 1e-12);  // (10 - 2.5) / 3 s_w
  EXPECT_NEAR(*row.ppk, 1.9364916731037083, 1e-12);  // (10 - 2.5) / 3 s_o
}

TEST(Capability, LowerLimitOnly) {
  const auto row = capability_of(sums_of({{1}, {2}, {3}, {4}, {5}}, 0), 0.0, std::nullopt, 5);
  EXPECT_NEAR(*row.cpk, 3 / (3 * 1.5811388300841898), 1e-12);
}

TEST(Capability, ZeroSigmaIsUndefinedNotInfinite) {
  const auto row = capability_of(sums_of({{3.3}, {3.3}, {3.3}, {3.3}}, 3.3), 3.2, 3.4, 2);
  EXPECT_FALSE(row.cpk);
  EXPECT_FALSE(row.ppk);
  EXPECT_EQ(row.undefined_reason, "σ = 0");
  EXPECT_DOUBLE_EQ(*row.sigma_overall, 0);
}

TEST(Capability, TooFewValuesShowNoIndex) {
  const auto row = capability_of(sums_of({{1}, {2}, {3}}, 4), 0.0, 8.0, 10);
  EXPECT_FALSE(row.cpk);
  EXPECT_EQ(row.undefined_reason, "not enough data (n < 10)");
  EXPECT_DOUBLE_EQ(row.mean, 2);  // still shown
}

TEST(Capability, ShiftKeepsTheDigitsOfATinySpread) {
  // 1000 V ± a few µV: without the shift, Σx² − (Σx)²/n loses them.
  std::vector<std::vector<double>> runs;
  for (int i = 0; i < 100; ++i) runs.push_back({1000.0 + (i % 2 == 0 ? 1e-6 : -1e-6)});
  const auto row = capability_of(sums_of(runs, 1000.0), 999.0, 1001.0, 10);
  EXPECT_NEAR(*row.sigma_overall, 1e-6 * std::sqrt(100.0 / 99), 1e-12);
}

}  // namespace
}  // namespace litmus::metrics
