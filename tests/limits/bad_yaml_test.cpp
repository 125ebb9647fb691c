// Every invalid test YAML or product file is a ConfigError naming the file,
// the line and the key path (data-driven tables).
#include <gtest/gtest.h>

#include "config/product_config.hpp"
#include "config/test_config.hpp"
#include "config/write_file.hpp"
#include "litmus/error.hpp"
#include "support/temp_dir.hpp"

namespace litmus::config {
namespace {

using litmus::testing::write_file;

struct BadCase {
  const char* name;
  const char* yaml;
  std::vector<std::string> expected;  // every fragment must appear in the message
};

void expect_error(const std::function<void()>& load, const std::string& file, const BadCase& c) {
  try {
    load();
    ADD_FAILURE() << "no error for " << c.name;
  } catch (const ConfigError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(file), std::string::npos) << message;
    for (const auto& fragment : c.expected) {
      EXPECT_NE(message.find(fragment), std::string::npos) << "missing '" << fragment << "' in: " << message;
    }
  }
}

class BadTestYaml : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadTestYaml, ErrorNamesFileLineAndKey) {
  litmus::testing::TempDir dir;
  write_file(dir / "tests/test_power.yaml", GetParam().yaml);
  expect_error([&] { load_test_config(dir / "tests/test_power.yaml"); }, "tests/test_power.yaml", GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadTestYaml,
    ::testing::Values(
        BadCase{"unknown top-level key", "limts: {}\n", {":1:", "limts", "unknown key"}},
        BadCase{"unknown limit key",
                "limits:\n  v: {low: 1, hihg: 2}\n",
                {":2:", "limits.v.hihg", "unknown key; expected one of: low, high"}},
        BadCase{"limit not a mapping", "limits:\n  v: 3.3\n", {":2:", "limits.v", "expected a mapping"}},
        BadCase{"low > high",
                "limits:\n  v: {low: 3.4, high: 3.2}\n",
                {":2:", "limits.v.low", "low (3.4) is greater than high (3.2)"}},
        BadCase{"low not a number",
                "limits:\n  v: {low: abc, high: 1}\n",
                {":2:", "limits.v.low", "expected a number, found 'abc'"}},
        BadCase{"quoted number", "limits:\n  v: {low: '1', high: 2}\n", {":2:", "limits.v.low", "expected a number"}},
        BadCase{"negative tolerance",
                "limits:\n  v: {nominal: 1, tolerance_pct: -1}\n",
                {":2:", "limits.v.tolerance_pct", "must not be negative"}},
        BadCase{"negative guardband",
                "limits:\n  v: {low: 1, high: 2, guardband_pct: -5}\n",
                {":2:", "limits.v.guardband_pct", "must not be negative"}},
        BadCase{"guardband 100",
                "limits:\n  v:\n    low: 1\n    high: 2\n    guardband_pct: 100\n",
                {":5:", "limits.v.guardband_pct", "must be below 100"}},
        BadCase{"unknown comparator",
                "limits:\n  v:\n    low: 1\n    comparator: gele\n",
                {":4:", "limits.v.comparator", "unknown comparator 'gele'",
                 "GELE, GELT, GTLE, GTLT, GE, GT, LE, LT, EQ, NE"}},
        BadCase{"both tolerances",
                "limits:\n  v: {nominal: 1, tolerance_pct: 1, tolerance_abs: 0.1}\n",
                {":2:", "limits.v.tolerance_abs", "not both"}},
        BadCase{"tolerance and low",
                "limits:\n  v: {nominal: 1, low: 0, tolerance_abs: 0.1}\n",
                {":2:", "limits.v.tolerance_abs", "tolerance_abs sets low and high from the nominal"}},
        BadCase{"tolerance without nominal",
                "limits:\n  v: {tolerance_pct: 5}\n",
                {":2:", "limits.v", "tolerance_pct needs a nominal"}},
        BadCase{"no bounds", "limits:\n  v: {units: V}\n", {":2:", "limits.v", "no bounds"}},
        BadCase{"comparator without its bound",
                "limits:\n  v: {low: 1, comparator: GELE}\n",
                {":2:", "limits.v", "comparator GELE needs low and high; high is not set"}},
        BadCase{"comparator with an unused bound",
                "limits:\n  v: {low: 1, high: 2, comparator: GE}\n",
                {":2:", "limits.v.high", "comparator GE does not use high"}},
        BadCase{"EQ with a guardband",
                "limits:\n  v: {nominal: 1, comparator: EQ, guardband_pct: 1}\n",
                {":2:", "limits.v.guardband_pct", "EQ"}},
        BadCase{"band without when before the last",
                "limits:\n  v:\n    bands:\n      - {low: 1, high: 2}\n      - {when: {vin: 5}, low: 1, high: 2}\n",
                {":4:", "limits.v.bands[0]", "missing key 'when'; only the last band may omit it"}},
        BadCase{"band window incomplete",
                "limits:\n  v:\n    high: 5\n    bands:\n      - {when: {vin: 5}, comparator: GELE}\n",
                {":5:", "limits.v.bands[0]", "comparator GELE needs low and high; low is not set"}},
        BadCase{"band tolerance without any nominal",
                "limits:\n  v:\n    bands:\n      - {when: {vin: 5}, tolerance_pct: 1}\n",
                {":4:", "limits.v.bands[0]", "tolerance_pct needs a nominal"}},
        BadCase{"band characteristic",
                "limits:\n  v:\n    bands:\n      - {characteristic: x}\n",
                {":4:", "limits.v.bands[0].characteristic", "unknown key"}},
        BadCase{"bands not a list",
                "limits:\n  v:\n    bands: {when: {vin: 5}}\n",
                {":3:", "limits.v.bands", "expected a non-empty list"}},
        BadCase{"when value a mapping",
                "limits:\n  v:\n    bands:\n      - when: {vin: {a: 1}}\n        low: 1\n",
                {":4:", "limits.v.bands[0].when.vin", "expected a number, string or boolean"}},
        BadCase{"empty when",
                "limits:\n  v:\n    bands:\n      - {when: {}, low: 1}\n",
                {":4:", "limits.v.bands[0].when", "empty `when`"}},
        BadCase{"retry above 100", "retry: {max_retries: 101}\n", {":1:", "retry.max_retries", "must be 0..100"}},
        BadCase{"retry negative", "retry: {max_retries: -1}\n", {":1:", "retry.max_retries", "must be 0..100"}},
        BadCase{
            "retry not an integer", "retry: {max_retries: 1.5}\n", {":1:", "retry.max_retries", "expected an integer"}},
        BadCase{"retry negative delay",
                "retry:\n  max_retries: 1\n  delay: -0.5\n",
                {":3:", "retry.delay", "must be >= 0"}},
        BadCase{"retry unknown key", "retry: {retries: 1}\n", {":1:", "retry.retries", "unknown key"}},
        BadCase{"unknown suite key", "tests:\n  Power:\n    limit: {}\n", {":3:", "tests.Power.limit", "unknown key"}},
        BadCase{"unknown test key",
                "tests:\n  Power:\n    tests:\n      Rail:\n        sweep: []\n",
                {":5:", "tests.Power.tests.Rail.sweep", "unknown key"}},
        BadCase{"test retry",
                "tests:\n  Power:\n    tests:\n      Rail:\n        retry: {max_retries: 1, delay: x}\n",
                {":5:", "tests.Power.tests.Rail.retry.delay", "expected a number"}},
        BadCase{
            "unknown profile key", "profiles:\n  hot:\n    limit: {}\n", {":3:", "profiles.hot.limit", "unknown key"}},
        BadCase{"profile limit error",
                "tests:\n  Power:\n    profiles:\n      hot:\n        limits:\n          v: {low: 2, high: 1}\n",
                {":6:", "tests.Power.profiles.hot.limits.v.low", "is greater than high"}},
        BadCase{"bad sweep",
                "tests:\n  P:\n    tests:\n      T:\n        sweeps: [{vin: [1, 2], iload: [1]}]\n",
                {":5:", "tests.P.tests.T.sweeps"}}));

class BadProduct : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadProduct, ErrorNamesFileLineAndKey) {
  litmus::testing::TempDir dir;
  write_file(dir / "products/board_a.yaml", GetParam().yaml);
  expect_error([&] { load_product(dir.path(), "board_a"); }, "products/board_a.yaml", GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadProduct,
    ::testing::Values(
        BadCase{"missing id", "name: A\n", {"missing key 'id'"}},
        BadCase{"id mismatch", "id: board_b\n", {":1:", "id", "does not match the file name 'board_a'"}},
        BadCase{"unknown top-level key", "id: board_a\npart: PN-1\n", {":2:", "part", "unknown key"}},
        BadCase{"unknown pin key", "id: board_a\npins:\n  TP3: {nett: x}\n", {":3:", "pins.TP3.nett", "unknown key"}},
        BadCase{"unknown characteristic key",
                "id: board_a\ncharacteristics:\n  r: {nominal: 1, accuracy: 5}\n",
                {":3:", "characteristics.r.accuracy", "unknown key"}},
        BadCase{"both accuracies",
                "id: board_a\ncharacteristics:\n  r: {nominal: 1, accuracy_pct: 1, accuracy_abs: 0.1}\n",
                {":3:", "characteristics.r.accuracy_abs", "give accuracy_pct or accuracy_abs, not both"}},
        BadCase{"accuracy and low",
                "id: board_a\ncharacteristics:\n  r: {nominal: 1, low: 0, accuracy_pct: 1}\n",
                {":3:", "characteristics.r.accuracy_pct", "accuracy_pct sets low and high from the nominal"}},
        BadCase{"accuracy without nominal",
                "id: board_a\ncharacteristics:\n  r: {accuracy_pct: 5}\n",
                {":3:", "characteristics.r", "accuracy_pct needs a nominal"}},
        BadCase{"negative accuracy",
                "id: board_a\ncharacteristics:\n  r: {nominal: 1, accuracy_abs: -1}\n",
                {":3:", "characteristics.r.accuracy_abs", "must not be negative"}},
        BadCase{"low > high",
                "id: board_a\ncharacteristics:\n  r:\n    low: 5\n    high: 1\n",
                {":4:", "characteristics.r.low", "is greater than high"}},
        BadCase{"nominal not a number",
                "id: board_a\ncharacteristics:\n  r: {nominal: 3.3V}\n",
                {":3:", "characteristics.r.nominal", "expected a number, found '3.3V'"}},
        BadCase{"unknown comparator",
                "id: board_a\ncharacteristics:\n  r: {low: 1, comparator: '>='}\n",
                {":3:", "characteristics.r.comparator", "unknown comparator '>='"}},
        BadCase{
            "no bounds", "id: board_a\ncharacteristics:\n  r: {units: V}\n", {":3:", "characteristics.r", "no bounds"}},
        BadCase{
            "band key not allowed",
            "id: board_a\ncharacteristics:\n  r:\n    nominal: 1\n    bands:\n      - {when: {vin: 5}, units: mV}\n",
            {":6:", "characteristics.r.bands[0].units", "unknown key"}},
        BadCase{"band without when before the last",
                "id: board_a\ncharacteristics:\n  r:\n    nominal: 1\n    bands:\n      - {accuracy_pct: 1}\n      - "
                "{when: {vin: 5}, accuracy_pct: 2}\n",
                {":6:", "characteristics.r.bands[0]", "missing key 'when'"}}));

}  // namespace
}  // namespace litmus::config
