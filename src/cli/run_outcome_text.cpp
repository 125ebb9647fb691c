#include "cli/run_outcome_text.hpp"

#include "litmus/outcome.hpp"

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

std::vector<std::string> run_outcome_filters() {
  std::vector<std::string> names;
  for (const Outcome outcome : {Outcome::passed, Outcome::failed, Outcome::errored, Outcome::skipped,
                                Outcome::terminated, Outcome::aborted, Outcome::done}) {
    names.emplace_back(to_string(outcome));
  }
  names.emplace_back("running");
  return names;
}

}  // namespace litmus::cli
