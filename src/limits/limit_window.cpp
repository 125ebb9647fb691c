#include "limits/limit_window.hpp"

#include <cmath>

namespace litmus {

namespace {

bool two_sided(Comparator c) {
  return c == Comparator::GELE || c == Comparator::GELT || c == Comparator::GTLE || c == Comparator::GTLT;
}
bool uses_low(Comparator c) { return two_sided(c) || c == Comparator::GE || c == Comparator::GT; }
bool uses_high(Comparator c) { return two_sided(c) || c == Comparator::LE || c == Comparator::LT; }
bool exact(Comparator c) { return c == Comparator::EQ || c == Comparator::NE; }

std::string name_of(Comparator c) { return std::string(to_string(c)); }

// A field and the layer that set it (-1: none), so a tolerance knows which
// bounds it replaces.
struct Layered {
  std::optional<double> value;
  int layer = -1;
};

}  // namespace

std::optional<LimitFieldProblem> check_limit_fields(const Limit& limit) {
  const std::pair<const char*, const std::optional<double>*> numbers[] = {{"low", &limit.low},
                                                                          {"high", &limit.high},
                                                                          {"nominal", &limit.nominal},
                                                                          {"tolerance_pct", &limit.tolerance_pct},
                                                                          {"tolerance_abs", &limit.tolerance_abs},
                                                                          {"guardband_pct", &limit.guardband_pct}};
  for (const auto& [key, value] : numbers) {
    if (*value && !std::isfinite(**value)) return LimitFieldProblem{key, "not a finite number"};
  }
  if (limit.tolerance_pct && limit.tolerance_abs) {
    return LimitFieldProblem{"tolerance_abs", "give tolerance_pct or tolerance_abs, not both"};
  }
  const char* tolerance_key = limit.tolerance_pct ? "tolerance_pct" : "tolerance_abs";
  const std::optional<double>& tolerance = limit.tolerance_pct ? limit.tolerance_pct : limit.tolerance_abs;
  if (tolerance && *tolerance < 0) return LimitFieldProblem{tolerance_key, "must not be negative"};
  if (tolerance && (limit.low || limit.high)) {
    return LimitFieldProblem{tolerance_key, std::string(tolerance_key) +
                                                " sets low and high from the nominal; give low/high or " +
                                                tolerance_key + ", not both"};
  }
  if (limit.guardband_pct && *limit.guardband_pct < 0) {
    return LimitFieldProblem{"guardband_pct", "must not be negative"};
  }
  if (limit.guardband_pct && *limit.guardband_pct >= 100) {
    return LimitFieldProblem{"guardband_pct", "must be below 100 (a 100 % guardband leaves no window)"};
  }
  if (limit.low && limit.high && *limit.low > *limit.high) {
    return LimitFieldProblem{"low", "low (" + format_limit_number(*limit.low) + ") is greater than high (" +
                                        format_limit_number(*limit.high) + ")"};
  }
  if (limit.comparator) {
    const Comparator c = *limit.comparator;
    if (exact(c) && limit.guardband_pct) {
      return LimitFieldProblem{"guardband_pct", "comparator " + name_of(c) +
                                                    " compares to the exact nominal; a "
                                                    "guardband has no window to tighten"};
    }
    if (limit.low && !uses_low(c)) return LimitFieldProblem{"low", "comparator " + name_of(c) + " does not use low"};
    if (limit.high && !uses_high(c)) {
      return LimitFieldProblem{"high", "comparator " + name_of(c) + " does not use high"};
    }
  }
  return std::nullopt;
}

ResolvedLimit combine_limit_layers(const std::vector<const Limit*>& layers,
                                   std::optional<double> default_guardband_pct) {
  Layered low, high;
  std::optional<double> nominal, tolerance_pct, tolerance_abs, guardband_pct;
  int tolerance_layer = -1;
  std::optional<Comparator> comparator;
  ResolvedLimit out;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const Limit& layer = *layers[i];
    if (auto problem = check_limit_fields(layer)) throw std::invalid_argument(problem->key + ": " + problem->message);
    const int index = static_cast<int>(i);
    if (layer.low) low = {layer.low, index};
    if (layer.high) high = {layer.high, index};
    if (layer.nominal) nominal = layer.nominal;
    if (layer.tolerance_pct || layer.tolerance_abs) {
      tolerance_pct = layer.tolerance_pct;
      tolerance_abs = layer.tolerance_abs;
      tolerance_layer = index;
    }
    if (layer.comparator) comparator = layer.comparator;
    if (layer.guardband_pct) guardband_pct = layer.guardband_pct;
    if (!layer.units.empty()) out.units = layer.units;
    if (!layer.spec_ref.empty()) out.spec_ref = layer.spec_ref;
  }

  if (tolerance_layer >= 0) {
    const char* key = tolerance_pct ? "tolerance_pct" : "tolerance_abs";
    if (!nominal) throw std::invalid_argument(std::string(key) + " needs a nominal (here or from the characteristic)");
    const double tolerance = tolerance_pct ? std::fabs(*nominal) * *tolerance_pct / 100 : *tolerance_abs;
    if (low.layer < tolerance_layer) low = {*nominal - tolerance, tolerance_layer};
    if (high.layer < tolerance_layer) high = {*nominal + tolerance, tolerance_layer};
  }

  if (!comparator) {
    if (low.value && high.value) {
      comparator = Comparator::GELE;
    } else if (low.value) {
      comparator = Comparator::GE;
    } else if (high.value) {
      comparator = Comparator::LE;
    } else if (nominal) {
      comparator = Comparator::EQ;
    } else {
      throw std::invalid_argument(
          "no bounds: give low and/or high, or a nominal (with tolerance_pct or "
          "tolerance_abs for a window)");
    }
  }
  const Comparator c = *comparator;
  if (uses_low(c) && uses_high(c) && (!low.value || !high.value)) {
    const char* missing = !low.value && !high.value ? "low and high are" : !low.value ? "low is" : "high is";
    throw std::invalid_argument("comparator " + name_of(c) + " needs low and high; " + missing + " not set");
  }
  if (uses_low(c) && !low.value) throw std::invalid_argument("comparator " + name_of(c) + " needs low; it is not set");
  if (uses_high(c) && !high.value) {
    throw std::invalid_argument("comparator " + name_of(c) + " needs high; it is not set");
  }
  if (exact(c) && !nominal) {
    throw std::invalid_argument("comparator " + name_of(c) + " needs nominal; it is not set");
  }
  if (!uses_low(c)) low.value.reset();
  if (!uses_high(c)) high.value.reset();
  if (low.value && high.value && *low.value > *high.value) {
    throw std::invalid_argument("low (" + format_limit_number(*low.value) + ") is greater than high (" +
                                format_limit_number(*high.value) + ")");
  }

  if (exact(c) && guardband_pct) {
    throw std::invalid_argument("guardband_pct: comparator " + name_of(c) +
                                " compares to the exact nominal; a guardband has no window to tighten");
  }
  const std::optional<double> guardband = guardband_pct ? guardband_pct : default_guardband_pct;
  if (guardband && !exact(c)) {
    if (*guardband < 0 || *guardband >= 100 || !std::isfinite(*guardband)) {
      throw std::invalid_argument("guardband " + format_limit_number(*guardband) + " % is not in 0 <= x < 100");
    }
    const double fraction = *guardband / 100;
    if (two_sided(c)) {
      const double shift = fraction * (*high.value - *low.value) / 2;
      *low.value += shift;
      *high.value -= shift;
    } else if (low.value) {
      *low.value += fraction * std::fabs(nominal ? *nominal : *low.value);
    } else {
      *high.value -= fraction * std::fabs(nominal ? *nominal : *high.value);
    }
    out.guardband_pct = guardband;
  }

  out.low = low.value;
  out.high = high.value;
  out.nominal = nominal;
  out.comparator = c;
  return out;
}

}  // namespace litmus
