// Resolution of a limit spec: tolerance, default comparator, guardband,
// bands chosen by the inputs, and the errors a bad combination gives
// (data-driven tables).
#include <gtest/gtest.h>

#include <optional>

#include "limit_yaml.hpp"
#include "limits/limit_resolver.hpp"
#include "litmus/error.hpp"

namespace litmus {
namespace {

using litmus::testing::limit_from_call;
using litmus::testing::limit_from_yaml;

constexpr double kEps = 1e-12;

void expect_bound(const std::optional<double>& actual, std::optional<double> expected, const std::string& what) {
  ASSERT_EQ(actual.has_value(), expected.has_value()) << what;
  if (expected) {
    EXPECT_NEAR(*actual, *expected, kEps) << what;
  }
}

struct WindowCase {
  const char* yaml;
  std::optional<double> default_guardband;
  std::optional<double> low, high;
  Comparator comparator;
  std::optional<double> guardband_applied;
};

void run_window_cases(const std::vector<WindowCase>& cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.yaml);
    const LimitSpec spec = limit_from_yaml(c.yaml);
    const ResolvedLimit r = resolve_limit(spec, LimitContext{nullptr, nullptr, c.default_guardband}, "v_rail");
    expect_bound(r.low, c.low, "low");
    expect_bound(r.high, c.high, "high");
    EXPECT_EQ(r.comparator, c.comparator);
    expect_bound(r.guardband_pct, c.guardband_applied, "guardband_pct");
    EXPECT_EQ(r.source, "tests/test_power.yaml:1 (tests.Power.limits.v_rail)");
  }
}

TEST(Resolve, ToleranceAndDefaultComparator) {
  run_window_cases({
      {"{nominal: 3.3, tolerance_pct: 5}", {}, 3.135, 3.465, Comparator::GELE, {}},
      {"{nominal: -5, tolerance_pct: 10}", {}, -5.5, -4.5, Comparator::GELE, {}},
      {"{nominal: 1, tolerance_abs: 0.01}", {}, 0.99, 1.01, Comparator::GELE, {}},
      {"{nominal: 2, tolerance_abs: 0}", {}, 2.0, 2.0, Comparator::GELE, {}},
      {"{nominal: 2, tolerance_pct: 5, comparator: GE}", {}, 1.9, {}, Comparator::GE, {}},
      {"{nominal: 2, tolerance_pct: 5, comparator: LT}", {}, {}, 2.1, Comparator::LT, {}},
      {"{low: 3.2, high: 3.4}", {}, 3.2, 3.4, Comparator::GELE, {}},
      {"{low: 3.2, high: 3.4, comparator: GTLT}", {}, 3.2, 3.4, Comparator::GTLT, {}},
      {"{low: 1}", {}, 1.0, {}, Comparator::GE, {}},
      {"{high: 1}", {}, {}, 1.0, Comparator::LE, {}},
      {"{nominal: 1}", {}, {}, {}, Comparator::EQ, {}},
      {"{nominal: 1, comparator: NE}", {}, {}, {}, Comparator::NE, {}},
  });
}

TEST(Resolve, Guardband) {
  run_window_cases({
      // SPEC B2: 3.3 V ±5 % with a 10 % guardband → 3.1515..3.4485.
      {"{nominal: 3.3, tolerance_pct: 5, guardband_pct: 10}", {}, 3.1515, 3.4485, Comparator::GELE, 10.0},
      {"{nominal: 3.3, tolerance_pct: 5}", 10.0, 3.1515, 3.4485, Comparator::GELE, 10.0},
      // The spec's own guardband beats --guardband: 20 % of the 0.165 half window.
      {"{nominal: 3.3, tolerance_pct: 5, guardband_pct: 20}", 10.0, 3.168, 3.432, Comparator::GELE, 20.0},
      {"{low: 1, high: 2, guardband_pct: 0}", 10.0, 1.0, 2.0, Comparator::GELE, 0.0},
      {"{low: 1, high: 3, comparator: GTLT}", 50.0, 1.5, 2.5, Comparator::GTLT, 50.0},
      // One-sided: moved by gb × |bound| without a nominal, × |nominal| with one.
      {"{low: 0.5, comparator: GT, guardband_pct: 10}", {}, 0.55, {}, Comparator::GT, 10.0},
      {"{high: 2, guardband_pct: 5}", {}, {}, 1.9, Comparator::LE, 5.0},
      {"{high: -2}", 10.0, {}, -2.2, Comparator::LE, 10.0},
      {"{low: 9, nominal: 10, guardband_pct: 10}", {}, 10.0, {}, Comparator::GE, 10.0},
      {"{nominal: 10, tolerance_pct: 10, comparator: LE, guardband_pct: 10}", {}, {}, 10.0, Comparator::LE, 10.0},
      // EQ/NE have no window: --guardband does not apply to them.
      {"{nominal: 1}", 10.0, {}, {}, Comparator::EQ, {}},
  });
}

struct BandCase {
  const char* name;
  VectorRow inputs;
  bool no_row;
  std::optional<double> low, high;
};

TEST(Resolve, BandsFirstMatchWinsElseTheSpecOwnFields) {
  const LimitSpec spec = limit_from_yaml(R"(
units: V
low: 0
high: 10
bands:
  - {when: {vin: 5.0}, low: 4.8, high: 5.2}
  - {when: {vin: [3.3, 3.6], mode: fast}, nominal: 3.3, tolerance_pct: 3}
  - {when: {mode: "slow"}, high: 9}
  - {when: {vin: 3.6}, low: 1, high: 2}
)");
  const std::vector<BandCase> cases = {
      {"exact number", {{"vin", 5.0}}, false, 4.8, 5.2},
      {"integer input vs 5.0", {{"vin", 5}}, false, 4.8, 5.2},
      {"within 1e-9 relative", {{"vin", 5.0 * (1 + 1e-11)}}, false, 4.8, 5.2},
      {"beyond 1e-9 relative", {{"vin", 5.001}}, false, 0.0, 10.0},
      {"list any-of and string", {{"vin", 3.6}, {"mode", "fast"}}, false, 3.201, 3.399},
      {"first match wins over a later one", {{"vin", 3.6}, {"mode", "slow"}}, false, 0.0, 9.0},
      {"all keys must match", {{"vin", 3.6}}, false, 1.0, 2.0},
      {"missing input: no match", {{"vin", 3.3}}, false, 0.0, 10.0},
      {"string is exact", {{"vin", 3.3}, {"mode", "Fast"}}, false, 0.0, 10.0},
      {"no inputs at all", {}, true, 0.0, 10.0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const ResolvedLimit r = resolve_limit(spec, LimitContext{c.no_row ? nullptr : &c.inputs}, "v_rail");
    expect_bound(r.low, c.low, "low");
    expect_bound(r.high, c.high, "high");
    EXPECT_EQ(r.units, "V");
  }
}

TEST(Resolve, DefaultBandAndExactBooleans) {
  const LimitSpec spec = limit_from_yaml(R"(
bands:
  - {when: {vin: 5}, low: 4.8, high: 5.2}
  - {when: {load: true}, high: 1, units: A}
  - {low: 3, high: 3.6, units: V}
)");
  const std::vector<BandCase> cases = {
      {"first band", {{"vin", 5}}, false, 4.8, 5.2},
      {"boolean", {{"vin", 7}, {"load", true}}, false, {}, 1.0},
      {"'true' string is not true", {{"vin", 7}, {"load", "true"}}, false, 3.0, 3.6},
      {"default band", {{"vin", 7}}, false, 3.0, 3.6},
      {"default band without inputs", {}, true, 3.0, 3.6},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const ResolvedLimit r = resolve_limit(spec, LimitContext{c.no_row ? nullptr : &c.inputs}, "v_rail");
    expect_bound(r.low, c.low, "low");
    expect_bound(r.high, c.high, "high");
  }
  const VectorRow load{{"load", true}};
  const ResolvedLimit r = resolve_limit(spec, LimitContext{&load}, "i_load");
  EXPECT_EQ(r.comparator, Comparator::LE);
  EXPECT_EQ(r.units, "A");
}

TEST(Resolve, CallLimitsKeepTheirOrigin) {
  const ResolvedLimit r = resolve_limit(limit_from_call({.low = 0.5, .units = "A", .comparator = Comparator::GT}),
                                        LimitContext{}, "i_load");
  EXPECT_EQ(describe(r), "x > 0.5 A");
  EXPECT_EQ(r.source, "verify() call at tests/test_power.cpp:31");
  EXPECT_TRUE(r.characteristic_id.empty());
}

struct ResolveErrorCase {
  const char* name;
  LimitSpec spec;
  VectorRow inputs;
  std::optional<double> default_guardband;
  std::vector<std::string> expected;
};

TEST(Resolve, ErrorsNameTheMeasurementAndOrigin) {
  const std::vector<ResolveErrorCase> cases = {
      {"no band matches, no default",
       limit_from_yaml("{units: V, bands: [{when: {vin: 5}, low: 4, high: 6}]}"),
       {{"vin", 7}},
       {},
       {"tests/test_power.yaml:1 (tests.Power.limits.v_rail)", "no band matches inputs {vin: 7}", "no bounds"}},
      {"GELE without high",
       limit_from_call({.low = 3, .comparator = Comparator::GELE}),
       {},
       {},
       {"verify() call at tests/test_power.cpp:31", "comparator GELE needs low and high; high is not set"}},
      {"GE without low",
       limit_from_call({.high = 3, .comparator = Comparator::GE}),
       {},
       {},
       {"comparator GE does not use high"}},
      {"EQ without nominal",
       limit_from_call({.units = "V", .comparator = Comparator::EQ}),
       {},
       {},
       {"comparator EQ needs nominal"}},
      {"nothing", limit_from_call({.units = "V"}), {}, {}, {"no bounds"}},
      {"EQ with a guardband",
       limit_from_call({.nominal = 1, .comparator = Comparator::EQ, .guardband_pct = 5}),
       {},
       {},
       {"guardband_pct", "EQ"}},
      {"both tolerances",
       limit_from_call({.nominal = 1, .tolerance_pct = 1, .tolerance_abs = 0.1}),
       {},
       {},
       {"tolerance_abs: give tolerance_pct or tolerance_abs, not both"}},
      {"tolerance without nominal", limit_from_call({.tolerance_pct = 1}), {}, {}, {"tolerance_pct needs a nominal"}},
      {"low > high", limit_from_call({.low = 2, .high = 1}), {}, {}, {"low (2) is greater than high (1)"}},
      {"guardband 100",
       limit_from_call({.low = 1, .high = 2, .guardband_pct = 100}),
       {},
       {},
       {"guardband_pct: must be below 100"}},
      {"NaN bound", limit_from_call({.low = std::nan("")}), {}, {}, {"low: not a finite number"}},
      {"characteristic without a product",
       limit_from_call({.characteristic = "rail_3v3"}),
       {},
       {},
       {"characteristic \"rail_3v3\": no product selected (--product)"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      resolve_limit(c.spec, LimitContext{&c.inputs, nullptr, c.default_guardband}, "v_rail");
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("limit of measurement \"v_rail\""), std::string::npos) << message;
      for (const auto& fragment : c.expected) {
        EXPECT_NE(message.find(fragment), std::string::npos) << "missing '" << fragment << "' in: " << message;
      }
    }
  }
}

}  // namespace
}  // namespace litmus
