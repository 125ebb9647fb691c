// Invalid sweeps: a data-driven table of {sweeps YAML, expected message
// part}. Every error is a ConfigError naming file:line: key path.
#include <gtest/gtest.h>

#include <string>

#include "litmus/error.hpp"
#include "sweep_yaml.hpp"
#include "vectors/sweep_expansion.hpp"

namespace litmus {
namespace {

using testing::expand_yaml;

struct BadCase {
  const char* name;
  const char* yaml;
  const char* message;  // a substring of the error
};

class SweepErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(SweepErrors, IsAConfigErrorNamingTheKey) {
  try {
    expand_yaml(GetParam().yaml);
    FAIL() << "no error for:\n" << GetParam().yaml;
  } catch (const ConfigError& e) {
    const std::string text = e.what();
    EXPECT_NE(text.find(GetParam().message), std::string::npos) << text;
    EXPECT_EQ(text.rfind("tests/test_power.yaml:", 0), 0u) << text;
  }
}

const BadCase kBadCases[] = {
    {"NotAList", "sweeps: {vin: [1, 2]}", "tests/test_power.yaml:1: tests.Power.tests.Rail.sweeps: expected a list of groups"},
    {"ScalarSweeps", "sweeps: 5", "sweeps: expected a list of groups"},
    {"GroupNotAMapping", "sweeps:\n  - [1, 2]", ":2: tests.Power.tests.Rail.sweeps[0]: expected a group"},
    {"EmptyGroup", "sweeps:\n  - {}", "sweeps[0]: a group needs at least one axis"},
    {"UnequalZip", "sweeps:\n  - {vin: [1]}\n  - vin2: [3, 5, 7]\n    temp: [25, 85]",
     ":3: tests.Power.tests.Rail.sweeps[1]: the axes of one group are zipped and need equal lengths, found vin2 has 3, "
     "temp has 2"},
    {"UnequalZipWithExpander", "sweeps:\n  - {vin: {linspace: [0, 1, 4]}, temp: 25}", "vin has 4, temp has 1"},
    {"EmptyAxis", "sweeps:\n  - {vin: []}", "sweeps[0].vin: an axis needs at least one value"},
    {"NullAxis", "sweeps:\n  - {vin: }", "sweeps[0].vin: expected a list of values"},
    {"NestedList", "sweeps:\n  - {vin: [1, [2, 3]]}", "sweeps[0].vin[1]: expected a scalar value"},
    {"DuplicateAxisAcrossGroups", "sweeps:\n  - {vin: [1]}\n  - {temp: [2]}\n  - {vin: [3]}",
     ":4: tests.Power.tests.Rail.sweeps[2].vin: duplicate axis 'vin' (already in tests.Power.tests.Rail.sweeps[0])"},
    {"UnknownExpander", "sweeps:\n  - vin: {linspaced: [0, 1, 2]}",
     "sweeps[0].vin.linspaced: unknown expander 'linspaced'; expected one of: linspace, arange, logspace, geomspace, "
     "repeat, range"},
    {"TwoExpanderKeys", "sweeps:\n  - vin: {linspace: [0, 1, 2], range: [0, 2]}", "exactly one key"},
    {"UnknownArgument", "sweeps:\n  - vin: {linspace: {start: 0, stop: 1, number: 3}}",
     "sweeps[0].vin.linspace.number: unknown argument of linspace; expected one of: start, stop, num"},
    {"MissingArgument", "sweeps:\n  - vin: {linspace: {start: 0, stop: 1}}",
     "sweeps[0].vin.linspace: missing argument 'num'"},
    {"TooFewPositional", "sweeps:\n  - vin: {linspace: [0, 1]}", "linspace takes the list [start, stop, num]"},
    {"TooManyPositional", "sweeps:\n  - vin: {range: [0, 1, 1, 1]}", "range takes the list [start, stop, step]"},
    {"ArgumentsNotListOrMap", "sweeps:\n  - vin: {linspace: 5}", "expected the arguments of linspace"},
    {"NumZero", "sweeps:\n  - vin: {linspace: {start: 0, stop: 1, num: 0}}",
     ":2: tests.Power.tests.Rail.sweeps[0].vin.linspace.num: num must be at least 1, found 0"},
    {"NumZeroPositional", "sweeps:\n  - vin: {linspace: [0, 1, 0]}", "vin.linspace[2]: num must be at least 1"},
    {"NumNotInteger", "sweeps:\n  - vin: {linspace: [0, 1, 2.5]}", "num must be an integer, found 2.5"},
    {"NumHuge", "sweeps:\n  - vin: {linspace: [0, 1, 5000000]}", "num must be at most 1000000"},
    {"NonNumericBound", "sweeps:\n  - vin: {linspace: [zero, 1, 3]}", "linspace[0]: start must be a number, found 'zero'"},
    {"QuotedBound", "sweeps:\n  - vin: {arange: {start: '0', stop: 1, step: 0.5}}", "start must be a number, found '0'"},
    {"InfiniteBound", "sweeps:\n  - vin: {linspace: [0, inf, 3]}", "stop must be a finite number"},
    {"ArangeZeroStep", "sweeps:\n  - vin: {arange: [0, 1, 0.0]}", "vin.arange[2]: step must not be 0"},
    {"ArangeZeroIntegerStep", "sweeps:\n  - vin: {arange: {start: 0, stop: 1, step: 0}}",
     "vin.arange.step: step must not be 0"},
    {"ArangeWrongDirection", "sweeps:\n  - vin: {arange: [0, 1, -0.1]}", "step -0.1 moves away from stop"},
    {"ArangeEmpty", "sweeps:\n  - vin: {arange: [1, 1, 0.5]}", "gives no values"},
    {"ArangeTooMany", "sweeps:\n  - vin: {arange: [0, 1, 1e-9]}", "arange gives more than 1000000 values"},
    {"RangeZeroStep", "sweeps:\n  - n: {range: [0, 10, 0]}", "n.range[2]: step must not be 0"},
    {"RangeNotInteger", "sweeps:\n  - n: {range: [0, 2.5]}", "stop must be an integer, found 2.5"},
    {"RangeWrongDirectionDefaultStep", "sweeps:\n  - n: {range: [10, 0]}", "n.range: step 1 moves away from stop"},
    {"RangeTooMany", "sweeps:\n  - n: {range: [0, 2000000]}", "range gives 2000000 values, more than the limit"},
    {"LogspaceBadBase", "sweeps:\n  - f: {logspace: {start: 0, stop: 1, num: 2, base: -2}}", "base must be positive"},
    {"LogspaceOverflow", "sweeps:\n  - f: {logspace: [0, 400, 2]}", "f.logspace: logspace produces a non-finite value"},
    {"GeomspaceZero", "sweeps:\n  - f: {geomspace: [0, 10, 3]}", "geomspace[0]: start must not be 0"},
    {"GeomspaceSignChange", "sweeps:\n  - f: {geomspace: [-1, 10, 3]}", "stop must have the sign of start"},
    {"RepeatZeroCount", "sweeps:\n  - v: {repeat: {value: 1, count: 0}}", "v.repeat.count: count must be at least 1"},
    {"RepeatListValue", "sweeps:\n  - v: {repeat: [[1, 2], 3]}", "value must be a scalar"},
    {"TooManyRows", "sweeps:\n  - {a: {range: [0, 1000]}}\n  - {b: {range: [0, 1001]}}",
     "tests/test_power.yaml:2: tests.Power.tests.Rail.sweeps: the sweep expands to more than 1000000 rows (group lengths "
     "1000 x 1001)"},
    {"TooManyRowsNoOverflow",
     "sweeps:\n  - {a: {range: [0, 1000000]}}\n  - {b: {range: [0, 1000000]}}\n  - {c: {range: [0, 1000000]}}"
     "\n  - {d: {range: [0, 1000000]}}",
     "more than 1000000 rows"},
};

INSTANTIATE_TEST_SUITE_P(Table, SweepErrors, ::testing::ValuesIn(kBadCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace litmus
