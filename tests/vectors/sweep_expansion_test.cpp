// Valid sweeps: a data-driven table of {sweeps YAML, expected rows as JSON}.
// The comparison keeps JSON types and axis order, so 1 and 1.0 differ.
#include "vectors/sweep_expansion.hpp"

#include <gtest/gtest.h>

#include "sweep_yaml.hpp"

namespace litmus {
namespace {

using testing::expand_yaml;
using testing::normalised;
using testing::rows_text;

struct Case {
  const char* name;
  const char* yaml;
  const char* rows;
};

class SweepExpansion : public ::testing::TestWithParam<Case> {};

TEST_P(SweepExpansion, GivesTheExpectedRows) {
  EXPECT_EQ(rows_text(expand_yaml(GetParam().yaml)), normalised(GetParam().rows)) << GetParam().yaml;
}

const Case kCases[] = {
    // --- shapes ------------------------------------------------------------
    {"NoSweeps", "name: x", R"([{}])"},
    {"NullSweeps", "sweeps:", R"([{}])"},
    {"EmptyList", "sweeps: []", R"([{}])"},
    {"SingleAxis", "sweeps:\n  - vin: [3.0, 3.3, 5.0]", R"([{"vin": 3.0}, {"vin": 3.3}, {"vin": 5.0}])"},
    {"ScalarIsOneValueAxis", "sweeps:\n  - {temp: 25}", R"([{"temp": 25}])"},
    {"IntsStayInts", "sweeps:\n  - {n: [1, -2, 3000000000], x: [1.0, 2.5, 1e3]}",
     R"([{"n": 1, "x": 1.0}, {"n": -2, "x": 2.5}, {"n": 3000000000, "x": 1000.0}])"},
    {"StringsAndBools", "sweeps:\n  - {mode: [fast, '1', \"2\"], on: [true, false, true]}",
     R"([{"mode": "fast", "on": true}, {"mode": "1", "on": false}, {"mode": "2", "on": true}])"},
    {"ZipInOneGroup", "sweeps:\n  - vin: [3, 5]\n    iload: [0.1, 0.5]",
     R"([{"vin": 3, "iload": 0.1}, {"vin": 5, "iload": 0.5}])"},
    {"CrossFirstGroupOutermost", "sweeps:\n  - {vin: [3, 5]}\n  - {temp: [25, 85, 125]}",
     R"([{"vin": 3, "temp": 25}, {"vin": 3, "temp": 85}, {"vin": 3, "temp": 125},
         {"vin": 5, "temp": 25}, {"vin": 5, "temp": 85}, {"vin": 5, "temp": 125}])"},
    {"ZipThenCross", "sweeps:\n  - {vin: [3, 5], iload: [1, 2]}\n  - {temp: [25, 85]}",
     R"([{"vin": 3, "iload": 1, "temp": 25}, {"vin": 3, "iload": 1, "temp": 85},
         {"vin": 5, "iload": 2, "temp": 25}, {"vin": 5, "iload": 2, "temp": 85}])"},
    {"AxisOrderIsFileOrder", "sweeps:\n  - {zeta: [1], alpha: [2]}\n  - {mid: 3}",
     R"([{"zeta": 1, "alpha": 2, "mid": 3}])"},
    {"ExpanderZippedWithList", "sweeps:\n  - {vin: {linspace: [1, 2, 3]}, tag: [a, b, c]}",
     R"([{"vin": 1.0, "tag": "a"}, {"vin": 1.5, "tag": "b"}, {"vin": 2.0, "tag": "c"}])"},
    // --- linspace ----------------------------------------------------------
    {"LinspaceMapping", "sweeps:\n  - vin: {linspace: {start: 0, stop: 1, num: 5}}",
     R"([{"vin": 0.0}, {"vin": 0.25}, {"vin": 0.5}, {"vin": 0.75}, {"vin": 1.0}])"},
    {"LinspaceList", "sweeps:\n  - vin: {linspace: [0, 1, 5]}",
     R"([{"vin": 0.0}, {"vin": 0.25}, {"vin": 0.5}, {"vin": 0.75}, {"vin": 1.0}])"},
    {"LinspaceExactValues", "sweeps:\n  - x: {linspace: [0, 1, 11]}",
     R"([{"x": 0.0}, {"x": 0.1}, {"x": 0.2}, {"x": 0.3}, {"x": 0.4}, {"x": 0.5},
         {"x": 0.6}, {"x": 0.7}, {"x": 0.8}, {"x": 0.9}, {"x": 1.0}])"},
    {"LinspaceExactEndpoints", "sweeps:\n  - x: {linspace: [0.1, 3.3, 7]}",
     R"([{"x": 0.1}, {"x": 0.6333333333333333}, {"x": 1.1666666666666667}, {"x": 1.7}, {"x": 2.2333333333333334},
         {"x": 2.7666666666666666}, {"x": 3.3}])"},
    {"LinspaceDescending", "sweeps:\n  - x: {linspace: [5, -5, 3]}", R"([{"x": 5.0}, {"x": 0.0}, {"x": -5.0}])"},
    {"LinspaceOne", "sweeps:\n  - x: {linspace: [2.5, 9, 1]}", R"([{"x": 2.5}])"},
    // --- arange ------------------------------------------------------------
    {"ArangeMapping", "sweeps:\n  - x: {arange: {start: 0, stop: 1, step: 0.25}}",
     R"([{"x": 0.0}, {"x": 0.25}, {"x": 0.5}, {"x": 0.75}])"},
    {"ArangeList", "sweeps:\n  - x: {arange: [0, 1, 0.25]}", R"([{"x": 0.0}, {"x": 0.25}, {"x": 0.5}, {"x": 0.75}])"},
    {"ArangeIntegersStayIntegers", "sweeps:\n  - x: {arange: [0, 7, 3]}", R"([{"x": 0}, {"x": 3}, {"x": 6}])"},
    {"ArangeNegativeStep", "sweeps:\n  - x: {arange: [1, 0, -0.25]}",
     R"([{"x": 1.0}, {"x": 0.75}, {"x": 0.5}, {"x": 0.25}])"},
    {"ArangeNegativeIntegerStep", "sweeps:\n  - x: {arange: [10, 0, -4]}", R"([{"x": 10}, {"x": 6}, {"x": 2}])"},
    // numpy gives a 4th value 1.3 here: (1.3 - 1) / 0.1 is 3.0000000000000004.
    {"ArangeStopExcludedDespiteRounding", "sweeps:\n  - x: {arange: [1, 1.3, 0.1]}",
     R"([{"x": 1.0}, {"x": 1.1}, {"x": 1.2}])"},
    {"ArangeValuesNotAccumulated", "sweeps:\n  - x: {arange: [0, 1, 0.1]}",
     R"([{"x": 0.0}, {"x": 0.1}, {"x": 0.2}, {"x": 0.30000000000000004}, {"x": 0.4}, {"x": 0.5},
         {"x": 0.6000000000000001}, {"x": 0.7000000000000001}, {"x": 0.8}, {"x": 0.9}])"},
    // --- logspace ----------------------------------------------------------
    {"LogspaceMapping", "sweeps:\n  - f: {logspace: {start: 0, stop: 3, num: 4}}",
     R"([{"f": 1.0}, {"f": 10.0}, {"f": 100.0}, {"f": 1000.0}])"},
    {"LogspaceList", "sweeps:\n  - f: {logspace: [0, 3, 4]}", R"([{"f": 1.0}, {"f": 10.0}, {"f": 100.0}, {"f": 1000.0}])"},
    {"LogspaceBase", "sweeps:\n  - f: {logspace: {start: 0, stop: 4, num: 3, base: 2}}",
     R"([{"f": 1.0}, {"f": 4.0}, {"f": 16.0}])"},
    {"LogspaceBaseList", "sweeps:\n  - f: {logspace: [1, 3, 3, 2]}", R"([{"f": 2.0}, {"f": 4.0}, {"f": 8.0}])"},
    // --- geomspace ---------------------------------------------------------
    {"GeomspaceMapping", "sweeps:\n  - f: {geomspace: {start: 1, stop: 1000, num: 4}}",
     R"([{"f": 1.0}, {"f": 10.0}, {"f": 100.0}, {"f": 1000.0}])"},
    {"GeomspaceList", "sweeps:\n  - f: {geomspace: [1, 1000, 4]}", R"([{"f": 1.0}, {"f": 10.0}, {"f": 100.0}, {"f": 1000.0}])"},
    {"GeomspaceNegative", "sweeps:\n  - f: {geomspace: [-1, -100, 3]}", R"([{"f": -1.0}, {"f": -10.0}, {"f": -100.0}])"},
    {"GeomspaceExactEndpoints", "sweeps:\n  - f: {geomspace: [0.3, 7.7, 2]}", R"([{"f": 0.3}, {"f": 7.7}])"},
    // --- repeat ------------------------------------------------------------
    {"RepeatMapping", "sweeps:\n  - v: {repeat: {value: 5.0, count: 3}}", R"([{"v": 5.0}, {"v": 5.0}, {"v": 5.0}])"},
    {"RepeatList", "sweeps:\n  - v: {repeat: [5.0, 3]}", R"([{"v": 5.0}, {"v": 5.0}, {"v": 5.0}])"},
    {"RepeatKeepsType", "sweeps:\n  - {n: {repeat: [7, 2]}, s: {repeat: [hot, 2]}}",
     R"([{"n": 7, "s": "hot"}, {"n": 7, "s": "hot"}])"},
    // --- range -------------------------------------------------------------
    {"RangeMapping", "sweeps:\n  - n: {range: {start: 0, stop: 10, step: 3}}",
     R"([{"n": 0}, {"n": 3}, {"n": 6}, {"n": 9}])"},
    {"RangeList", "sweeps:\n  - n: {range: [0, 10, 2]}", R"([{"n": 0}, {"n": 2}, {"n": 4}, {"n": 6}, {"n": 8}])"},
    {"RangeDefaultStep", "sweeps:\n  - n: {range: {start: 2, stop: 5}}", R"([{"n": 2}, {"n": 3}, {"n": 4}])"},
    {"RangeDefaultStepList", "sweeps:\n  - n: {range: [-1, 2]}", R"([{"n": -1}, {"n": 0}, {"n": 1}])"},
    {"RangeNegativeStep", "sweeps:\n  - n: {range: [5, 0, -2]}", R"([{"n": 5}, {"n": 3}, {"n": 1}])"},
    {"RangeExtremeBounds", "sweeps:\n  - n: {range: [-9223372036854775808, 9223372036854775807, 9223372036854775807]}",
     R"([{"n": -9223372036854775808}, {"n": -1}, {"n": 9223372036854775806}])"},
};

INSTANTIATE_TEST_SUITE_P(Table, SweepExpansion,
                         ::testing::ValuesIn(kCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(SweepExpansionLimit, AMillionRowsIsAllowed) {
  const auto rows = expand_yaml("sweeps:\n  - {a: {range: [0, 1000]}}\n  - {b: 1}\n  - {c: {range: [0, 1000]}}");
  ASSERT_EQ(rows.size(), 1'000'000u);
  EXPECT_EQ(rows.back()[0].second, 999);
  EXPECT_EQ(rows.back()[2].second, 999);
  EXPECT_EQ(rows[1][2].second, 1);  // the last group varies fastest
}

}  // namespace
}  // namespace litmus
