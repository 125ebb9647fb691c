#pragma once
// Outcomes of sessions, runs, steps and measurements (SPEC B4).

#include <optional>
#include <string_view>

namespace litmus {

enum class Outcome {
  passed,
  failed,
  errored,
  skipped,
  terminated,  // stopped by the operator or a signal, rig made safe
  aborted,     // the process died; found and closed on recovery
  done,        // ran, nothing judged
};

std::string_view to_string(Outcome outcome);
std::optional<Outcome> outcome_from_string(std::string_view text);

// Roll-up takes the worst: aborted > terminated > errored > failed > passed
// > done > skipped.
Outcome worst_of(Outcome a, Outcome b);

}  // namespace litmus
