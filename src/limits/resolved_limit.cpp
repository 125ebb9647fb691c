#include "limits/resolved_limit.hpp"

#include <cmath>
#include <cstdio>

#include "core/json_text.hpp"

namespace litmus {

namespace {

// Bounds a comparator needs are guaranteed set by the resolver; a missing
// one here (a hand-built ResolvedLimit) fails rather than passing.
bool at_least(const std::optional<double>& bound, double value, bool inclusive) {
  return bound && (inclusive ? value >= *bound : value > *bound);
}

bool at_most(const std::optional<double>& bound, double value, bool inclusive) {
  return bound && (inclusive ? value <= *bound : value < *bound);
}

std::string bound_text(const std::optional<double>& bound) { return bound ? format_limit_number(*bound) : "?"; }

}  // namespace

bool passes(const ResolvedLimit& limit, double value) {
  if (std::isnan(value)) return false;
  switch (limit.comparator) {
    case Comparator::GELE:
      return at_least(limit.low, value, true) && at_most(limit.high, value, true);
    case Comparator::GELT:
      return at_least(limit.low, value, true) && at_most(limit.high, value, false);
    case Comparator::GTLE:
      return at_least(limit.low, value, false) && at_most(limit.high, value, true);
    case Comparator::GTLT:
      return at_least(limit.low, value, false) && at_most(limit.high, value, false);
    case Comparator::GE:
      return at_least(limit.low, value, true);
    case Comparator::GT:
      return at_least(limit.low, value, false);
    case Comparator::LE:
      return at_most(limit.high, value, true);
    case Comparator::LT:
      return at_most(limit.high, value, false);
    case Comparator::EQ:
      return limit.nominal && value == *limit.nominal;
    case Comparator::NE:
      return limit.nominal && value != *limit.nominal;
  }
  return false;
}

nlohmann::json to_json(const ResolvedLimit& limit) {
  std::string text;
  json_text::Object out(text);
  write_json(out, limit);
  out.close();
  return nlohmann::json::parse(text);
}

void write_json(json_text::Object& out, const ResolvedLimit& limit) {
  out.string("comparator", to_string(limit.comparator));
  if (limit.guardband_pct) out.number("guardband_pct", *limit.guardband_pct);
  if (limit.high) out.number("high", *limit.high);
  if (limit.low) out.number("low", *limit.low);
  if (limit.nominal) out.number("nominal", *limit.nominal);
  if (!limit.source.empty()) out.string("source", limit.source);
  if (!limit.units.empty()) out.string("units", limit.units);
}

std::string format_limit_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return text;
}

std::string describe(const ResolvedLimit& limit) {
  const std::string low = bound_text(limit.low);
  const std::string high = bound_text(limit.high);
  std::string out;
  switch (limit.comparator) {
    case Comparator::GELE:
      out = low + " <= x <= " + high;
      break;
    case Comparator::GELT:
      out = low + " <= x < " + high;
      break;
    case Comparator::GTLE:
      out = low + " < x <= " + high;
      break;
    case Comparator::GTLT:
      out = low + " < x < " + high;
      break;
    case Comparator::GE:
      out = "x >= " + low;
      break;
    case Comparator::GT:
      out = "x > " + low;
      break;
    case Comparator::LE:
      out = "x <= " + high;
      break;
    case Comparator::LT:
      out = "x < " + high;
      break;
    case Comparator::EQ:
      out = "x == " + bound_text(limit.nominal);
      break;
    case Comparator::NE:
      out = "x != " + bound_text(limit.nominal);
      break;
  }
  if (!limit.units.empty()) out += " " + limit.units;
  return out;
}

}  // namespace litmus
