#include "cli/run_outcome_text.hpp"

namespace litmus::cli {

std::string run_outcome_text(const store::RunRow& run) {
  if (run.live()) return "running";
  return run.outcome.empty() ? "unknown" : run.outcome;
}

std::string step_outcome_text(const store::StepRow& step) {
  if (step.status == "never_ran") return "never-ran";
  if (step.status != "ended") return step.status;  // running, pending
  return step.outcome.empty() ? "unknown" : step.outcome;
}

// The store's list, as CLI11's IsMember wants it.
std::vector<std::string> run_outcome_filters() {
  const auto& names = store::run_outcome_filters();
  return {names.begin(), names.end()};
}

}  // namespace litmus::cli
