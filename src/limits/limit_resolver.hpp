#pragma once
// Resolution of one limit spec to the window a value is judged against:
// band chosen by the inputs, product characteristic, tolerance, guardband.
// Which spec applies (verify() call, test YAML cascade, characteristic of
// the measurement's name) is the caller's choice; see docs/limits.md.

#include <optional>
#include <string_view>

#include "config/product_config.hpp"
#include "limits/limit_spec.hpp"
#include "limits/resolved_limit.hpp"
#include "vectors/vector_row.hpp"

namespace litmus {

struct LimitContext {
  const VectorRow* inputs = nullptr;               // the vector's inputs; null without a sweep
  const config::ProductConfig* product = nullptr;  // the active product, may be null
  std::optional<double> default_guardband_pct;     // --guardband, used when the spec has none
};

// Resolves `spec` for measurement `measurement_name`:
//  1. the first band whose `when` matches context.inputs overrides the
//     spec's own fields;
//  2. with `characteristic`, that characteristic of context.product (its own
//     band chosen the same way) is the base, and the fields set above
//     override it; a tolerance set above recomputes low/high around the
//     (final) nominal;
//  3. tolerance, default comparator and guardband as combine_limit_layers().
// characteristic_id is the characteristic's id, spec_ref the most specific
// one given, source spec.origin. Any inconsistency (no product, unknown
// characteristic, a comparator without its bounds, …) is a litmus::Error
// naming the measurement and spec.origin.
ResolvedLimit resolve_limit(const LimitSpec& spec, const LimitContext& context, std::string_view measurement_name);
// The same for a spec built for this one resolution: its origin is moved
// into `source`, not copied.
ResolvedLimit resolve_limit(LimitSpec&& spec, const LimitContext& context, std::string_view measurement_name);

// The limit of characteristic `id` of `product` on its own, for a
// measurement of that name that no call or test YAML gives a limit; source
// "product board_a: characteristic rail_3v3". Error when `id` is unknown.
ResolvedLimit resolve_characteristic(const config::ProductConfig& product, std::string_view id,
                                     const LimitContext& context);

}  // namespace litmus
