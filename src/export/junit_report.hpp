#pragma once
// JUnit XML of runs, as CI systems (Jenkins, GitLab, GitHub actions) read
// it: a <testsuite> per run with the run's context as <properties>, a
// <testcase> per step and vector (its last attempt) — <failure> for failed,
// <error> for errored / aborted / terminated, <skipped> for skipped and
// never ran — and the measurements of each in <system-out>.

#include <ostream>
#include <string>
#include <vector>

#include "store/event_store.hpp"

namespace litmus::exporting {

// `run_ids` are full ids, in the order the suites are written.
void write_junit(store::EventStore& store, const std::vector<std::string>& run_ids, std::ostream& out);

}  // namespace litmus::exporting
