#pragma once
// A measurement limit as a test author writes it: in a verify() call
//
//   ctx.verify("v_rail", v, {.low = 3.2, .high = 3.4, .units = "V"});
//
// or in a test YAML / product file. Reference: docs/limits.md.

#include <optional>
#include <string>
#include <string_view>

namespace litmus {

// How a value is judged against low / high / nominal:
//   GELE low <= x <= high   GELT low <= x < high
//   GTLE low <  x <= high   GTLT low <  x < high
//   GE   x >= low           GT   x > low
//   LE   x <= high          LT   x < high
//   EQ   x == nominal       NE   x != nominal
enum class Comparator { GELE, GELT, GTLE, GTLT, GE, GT, LE, LT, EQ, NE };

// "GELE", "GT", ...
std::string_view to_string(Comparator comparator);
// The comparator of that exact upper-case name, or nullopt.
std::optional<Comparator> comparator_from_string(std::string_view name);

// A limit given in a verify() call or a YAML file. Unset members are taken
// from elsewhere (characteristic, tolerance) or stay unset. Members keep this
// order: verify() calls use designated initializers.
struct Limit {
  std::optional<double> low, high, nominal;
  std::string units;
  // Default: GELE with low+high, GE low only, LE high only, EQ nominal only.
  std::optional<Comparator> comparator;
  // low/high = nominal ∓ tolerance (tolerance_pct relative to |nominal|);
  // at most one of the two.
  std::optional<double> tolerance_pct, tolerance_abs;
  // Tightens the window by this percentage (0 <= x < 100); see docs/limits.md.
  std::optional<double> guardband_pct;
  std::string spec_ref;
  // Product characteristic id to start from (--product selects the product).
  std::string characteristic;

  // Nothing set at all: the limit comes from the test YAML or the product.
  bool empty() const;
};

}  // namespace litmus
