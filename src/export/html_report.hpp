#pragma once
// `litmus show RUN -f html`: one run as a self-contained HTML page (no
// scripts, no external files; styles inline) to attach to a ticket or
// archive with the DUT: header, instruments with identity and calibration,
// environment, steps, and measurements with their limits, failures marked.

#include <ostream>
#include <string>

#include "store/event_store.hpp"

namespace litmus::exporting {

// `run_id` is a full id of a run in `store`.
void write_html_report(store::EventStore& store, const std::string& run_id, std::ostream& out);

}  // namespace litmus::exporting
