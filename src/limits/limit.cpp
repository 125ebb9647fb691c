#include "litmus/limit.hpp"

#include <array>
#include <utility>

namespace litmus {

namespace {

constexpr std::array<std::pair<Comparator, std::string_view>, 10> kNames{{
    {Comparator::GELE, "GELE"},
    {Comparator::GELT, "GELT"},
    {Comparator::GTLE, "GTLE"},
    {Comparator::GTLT, "GTLT"},
    {Comparator::GE, "GE"},
    {Comparator::GT, "GT"},
    {Comparator::LE, "LE"},
    {Comparator::LT, "LT"},
    {Comparator::EQ, "EQ"},
    {Comparator::NE, "NE"},
}};

}  // namespace

std::string_view to_string(Comparator comparator) {
  for (const auto& [value, name] : kNames) {
    if (value == comparator) return name;
  }
  return "?";
}

std::optional<Comparator> comparator_from_string(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

bool Limit::empty() const {
  return !low && !high && !nominal && units.empty() && !comparator && !tolerance_pct && !tolerance_abs &&
         !guardband_pct && spec_ref.empty() && characteristic.empty();
}

}  // namespace litmus
