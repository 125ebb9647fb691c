#include "instruments/argument_checks.hpp"

#include <cmath>
#include <sstream>
#include <string>

#include "litmus/error.hpp"

namespace litmus {

namespace {

[[noreturn]] void refuse(std::string_view role, std::string_view method, const std::string& problem) {
  throw Error(std::string(role) + " (" + std::string(method) + "): " + problem);
}

void require_value(bool ok, std::string_view role, std::string_view method, std::string_view expected, double value,
                   std::string_view units) {
  if (ok) return;
  std::ostringstream problem;
  problem << "expected a " << expected << " value";
  if (!units.empty()) problem << " in " << units;
  problem << ", got " << value;
  refuse(role, method, problem.str());
}

}  // namespace

void require_finite(std::string_view role, std::string_view method, double value, std::string_view units) {
  require_value(std::isfinite(value), role, method, "finite", value, units);
}

void require_non_negative(std::string_view role, std::string_view method, double value, std::string_view units) {
  require_value(std::isfinite(value) && value >= 0, role, method, "finite, non-negative", value, units);
}

void require_positive(std::string_view role, std::string_view method, double value, std::string_view units) {
  require_value(std::isfinite(value) && value > 0, role, method, "finite, positive", value, units);
}

void require_number_in_range(std::string_view role, std::string_view method, std::string_view what, int number,
                             int count) {
  if (number >= 1 && number <= count) return;
  refuse(role, method,
         std::string(what) + " " + std::to_string(number) + " does not exist; " + std::string(role) + " has " +
             std::string(what) + (count == 1 ? " 1 only" : "s 1 to " + std::to_string(count)));
}

void require_name(std::string_view role, std::string_view method, std::string_view what, std::string_view name) {
  if (!name.empty()) return;
  refuse(role, method, "expected a " + std::string(what) + " name, got an empty one");
}

}  // namespace litmus
