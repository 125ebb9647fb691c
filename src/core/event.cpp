// Outcome names and roll-up, and the library version.
#include <array>

#include "litmus/outcome.hpp"
#include "litmus/version.hpp"

namespace litmus {

namespace {
struct OutcomeInfo {
  Outcome outcome;
  std::string_view name;
  int severity;  // roll-up takes the highest
};
constexpr std::array<OutcomeInfo, 7> kOutcomes{{
    {Outcome::skipped, "skipped", 0},
    {Outcome::done, "done", 1},
    {Outcome::passed, "passed", 2},
    {Outcome::failed, "failed", 3},
    {Outcome::errored, "errored", 4},
    {Outcome::terminated, "terminated", 5},
    {Outcome::aborted, "aborted", 6},
}};

const OutcomeInfo& info(Outcome outcome) {
  for (const auto& entry : kOutcomes) {
    if (entry.outcome == outcome) return entry;
  }
  return kOutcomes[0];
}
}  // namespace

std::string_view to_string(Outcome outcome) { return info(outcome).name; }

std::optional<Outcome> outcome_from_string(std::string_view text) {
  for (const auto& entry : kOutcomes) {
    if (entry.name == text) return entry.outcome;
  }
  return std::nullopt;
}

Outcome worst_of(Outcome a, Outcome b) { return info(a).severity >= info(b).severity ? a : b; }

std::string_view version() { return LITMUS_VERSION_STRING; }

}  // namespace litmus
