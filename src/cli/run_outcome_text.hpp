#pragma once
// Outcome words of runs and steps as the commands print and accept them.

#include <string>
#include <vector>

#include "store/run_rows.hpp"

namespace litmus::cli {

// The run's outcome; "running" while live, "unknown" when it ended
// without a valid outcome.
std::string run_outcome_text(const store::RunRow& run);
// "never-ran", "running", "pending", or the step's outcome.
std::string step_outcome_text(const store::StepRow& step);
// What `litmus runs --outcome` accepts: every litmus::Outcome and "running".
std::vector<std::string> run_outcome_filters();

}  // namespace litmus::cli
