// Judging: every comparator at, just inside and just outside each bound
// (std::nextafter), NaN, and how each is described (data-driven tables).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "limits/resolved_limit.hpp"

namespace litmus {
namespace {

constexpr double kLow = 1.0;
constexpr double kHigh = 2.0;
constexpr double kNominal = 1.5;
constexpr double kInf = std::numeric_limits<double>::infinity();

double above(double x) { return std::nextafter(x, kInf); }
double below(double x) { return std::nextafter(x, -kInf); }

ResolvedLimit limit_for(Comparator c) {
  ResolvedLimit limit;
  limit.comparator = c;
  limit.low = kLow;
  limit.high = kHigh;
  limit.nominal = kNominal;
  return limit;
}

struct JudgeCase {
  Comparator comparator;
  const char* point;  // for the failure message
  double value;
  bool passes;
};

std::vector<JudgeCase> judge_cases() {
  // Per comparator: whether low / high are inclusive, and which bounds it uses.
  struct Shape {
    Comparator c;
    bool uses_low, low_inclusive, uses_high, high_inclusive;
  };
  const Shape shapes[] = {
      {Comparator::GELE, true, true, true, true},  {Comparator::GELT, true, true, true, false},
      {Comparator::GTLE, true, false, true, true}, {Comparator::GTLT, true, false, true, false},
      {Comparator::GE, true, true, false, false},  {Comparator::GT, true, false, false, false},
      {Comparator::LE, false, false, true, true},  {Comparator::LT, false, false, true, false},
  };
  std::vector<JudgeCase> cases;
  for (const Shape& s : shapes) {
    if (s.uses_low) {
      cases.push_back({s.c, "at low", kLow, s.low_inclusive});
      cases.push_back({s.c, "just above low", above(kLow), true});
      cases.push_back({s.c, "just below low", below(kLow), false});
    } else {
      cases.push_back({s.c, "far below (no low)", -1e300, true});
    }
    if (s.uses_high) {
      cases.push_back({s.c, "at high", kHigh, s.high_inclusive});
      cases.push_back({s.c, "just below high", below(kHigh), true});
      cases.push_back({s.c, "just above high", above(kHigh), false});
    } else {
      cases.push_back({s.c, "far above (no high)", 1e300, true});
    }
  }
  cases.push_back({Comparator::EQ, "at nominal", kNominal, true});
  cases.push_back({Comparator::EQ, "just above nominal", above(kNominal), false});
  cases.push_back({Comparator::EQ, "just below nominal", below(kNominal), false});
  cases.push_back({Comparator::NE, "at nominal", kNominal, false});
  cases.push_back({Comparator::NE, "just above nominal", above(kNominal), true});
  cases.push_back({Comparator::NE, "just below nominal", below(kNominal), true});
  return cases;
}

TEST(Passes, EveryComparatorAtAndAroundEachBound) {
  for (const JudgeCase& c : judge_cases()) {
    EXPECT_EQ(passes(limit_for(c.comparator), c.value), c.passes)
        << to_string(c.comparator) << " " << c.point << " (" << c.value << ")";
  }
}

TEST(Passes, NanNeverPasses) {
  for (Comparator c : {Comparator::GELE, Comparator::GELT, Comparator::GTLE, Comparator::GTLT, Comparator::GE,
                       Comparator::GT, Comparator::LE, Comparator::LT, Comparator::EQ, Comparator::NE}) {
    EXPECT_FALSE(passes(limit_for(c), std::nan(""))) << to_string(c);
  }
}

TEST(Passes, MissingBoundNeverPasses) {
  ResolvedLimit limit;  // GELE without bounds: built by hand, not by the resolver
  EXPECT_FALSE(passes(limit, 0.0));
}

struct DescribeCase {
  Comparator comparator;
  const char* units;
  const char* expected;
};

TEST(Describe, Table) {
  const DescribeCase cases[] = {
      {Comparator::GELE, "V", "1 <= x <= 2 V"}, {Comparator::GELT, "", "1 <= x < 2"},
      {Comparator::GTLE, "", "1 < x <= 2"},     {Comparator::GTLT, "A", "1 < x < 2 A"},
      {Comparator::GE, "", "x >= 1"},           {Comparator::GT, "A", "x > 1 A"},
      {Comparator::LE, "", "x <= 2"},           {Comparator::LT, "", "x < 2"},
      {Comparator::EQ, "", "x == 1.5"},         {Comparator::NE, "Ω", "x != 1.5 Ω"},
  };
  for (const auto& c : cases) {
    ResolvedLimit limit = limit_for(c.comparator);
    limit.units = c.units;
    EXPECT_EQ(describe(limit), c.expected) << to_string(c.comparator);
  }
}

TEST(Describe, HidesFloatingPointNoise) {
  ResolvedLimit limit;
  limit.low = 3.3 * 0.95 + 0.0165;
  limit.high = 3.3 * 1.05 - 0.0165;
  limit.units = "V";
  EXPECT_EQ(describe(limit), "3.1515 <= x <= 3.4485 V");
}

TEST(Comparator, NamesRoundTripAndAreExact) {
  for (Comparator c : {Comparator::GELE, Comparator::GELT, Comparator::GTLE, Comparator::GTLT, Comparator::GE,
                       Comparator::GT, Comparator::LE, Comparator::LT, Comparator::EQ, Comparator::NE}) {
    EXPECT_EQ(comparator_from_string(to_string(c)), c);
  }
  for (const char* bad : {"gele", "Ge", "", "GELE ", ">="}) EXPECT_FALSE(comparator_from_string(bad)) << bad;
}

TEST(ToJson, OmitsUnsetMembers) {
  ResolvedLimit limit;
  limit.comparator = Comparator::GT;
  limit.low = 0.5;
  limit.units = "A";
  limit.source = "verify() call";
  EXPECT_EQ(to_json(limit),
            (nlohmann::json{{"low", 0.5}, {"comparator", "GT"}, {"units", "A"}, {"source", "verify() call"}}));
  limit.guardband_pct = 10;
  limit.nominal = 1;
  limit.high = 2;
  limit.units.clear();
  EXPECT_EQ(to_json(limit), (nlohmann::json{{"low", 0.5},
                                            {"high", 2.0},
                                            {"nominal", 1.0},
                                            {"comparator", "GT"},
                                            {"guardband_pct", 10.0},
                                            {"source", "verify() call"}}));
}

TEST(Limit, EmptyOnlyWhenNothingIsSet) {
  EXPECT_TRUE(Limit{}.empty());
  EXPECT_FALSE(Limit{.units = "V"}.empty());
  EXPECT_FALSE(Limit{.guardband_pct = 0.0}.empty());
  EXPECT_FALSE(Limit{.characteristic = "rail"}.empty());
}

}  // namespace
}  // namespace litmus
