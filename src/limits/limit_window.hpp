#pragma once
// From limit fields to a window: tolerance around a nominal, the default
// comparator, guardband. Limits come in layers, most general first — a
// product characteristic, its band, the limit that references it, that
// limit's band — and a field set in a later layer overrides the same field
// of an earlier one.

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "limits/resolved_limit.hpp"
#include "litmus/limit.hpp"

namespace litmus {

struct LimitFieldProblem {
  std::string key;  // the field at fault: "tolerance_abs"
  std::string message;
};

// A contradiction inside one limit (both tolerances, low > high, a negative
// tolerance, guardband outside 0 <= x < 100, a guardband on EQ/NE, a bound
// the explicit comparator does not use, a non-finite number), or nullopt.
std::optional<LimitFieldProblem> check_limit_fields(const Limit& limit);

// Combines `layers` (most general first; none null) into bounds and a
// comparator:
//  - a tolerance gives low/high = nominal ∓ tolerance (tolerance_pct of
//    |nominal|), using the final nominal; it replaces low/high of earlier
//    layers but not those set in a later one;
//  - comparator default: GELE with low and high, GE with low, LE with high,
//    EQ with a nominal only; bounds the comparator does not use are dropped;
//  - guardband (the layers' own, else `default_guardband_pct`): a two-sided
//    window shrinks by gb/100 × (high − low)/2 at each end; a one-sided
//    bound moves inward by gb/100 × |nominal|, or × |bound| without a
//    nominal. EQ/NE take no guardband (an error when a layer sets one; the
//    default is not applied).
// Sets every ResolvedLimit member except characteristic_id and source.
// Throws std::invalid_argument with a message for the user ("comparator
// GELE needs low and high; high is not set").
ResolvedLimit combine_limit_layers(const std::vector<const Limit*>& layers,
                                   std::optional<double> default_guardband_pct);

}  // namespace litmus
