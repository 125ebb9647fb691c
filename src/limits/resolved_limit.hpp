#pragma once
// The limit a measurement is judged against once every source (verify()
// call, test YAML, product characteristic, bands, tolerance, guardband) has
// been applied: plain bounds and a comparator.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "litmus/limit.hpp"

namespace litmus {

namespace json_text {
class Object;
}

struct ResolvedLimit {
  // The bounds the comparator needs are set (low for GE/GT, low and high for
  // GELE..GTLT, nominal for EQ/NE), finite, and low <= high; guardband
  // already applied.
  std::optional<double> low, high, nominal;
  std::string units;
  Comparator comparator = Comparator::GELE;
  // The guardband that was applied (the spec's own or --guardband); unset
  // when none was.
  std::optional<double> guardband_pct;
  std::string spec_ref, characteristic_id;
  // The origin of the spec that won: "verify() call at …",
  // "tests/test_power.yaml:7 (tests.Power.limits.v_rail)",
  // "product board_a: characteristic rail_3v3".
  std::string source;
};

// Whether `value` is within the limit. NaN never passes (not even NE).
bool passes(const ResolvedLimit& limit, double value);

// {"low", "high", "nominal", "comparator", "units", "guardband_pct",
// "source"}; unset members (and empty strings) omitted.
nlohmann::json to_json(const ResolvedLimit& limit);

// The members of to_json(), written as JSON text into an open object (in
// the key order nlohmann::json::dump() gives): what test.measurement
// payloads hold under "limit".
void write_json(json_text::Object& out, const ResolvedLimit& limit);

// The condition for failure messages: "3.1515 <= x <= 3.4485 V",
// "x > 0.5 A", "x == 1". Numbers with up to 9 significant digits, so
// floating-point noise (3.1514999999999995) does not show but no digit a
// user wrote is lost.
std::string describe(const ResolvedLimit& limit);

// A number as describe() shows it.
std::string format_limit_number(double value);

}  // namespace litmus
