#pragma once
// Two runs side by side (SPEC D11, the litmus_compare MCP tool, GET
// /api/compare): what differs in the run's context, the steps' final
// outcomes, the measurements (value, limits, outcome) and the instruments
// (resource, identity, calibration). Things equal in both are left out,
// so an empty list means "the same".
//
// Steps pair up by (step path, vector); measurements by (step path, vector,
// name, occurrence within that step), each on the last attempt of its
// vector; instruments by role.

#include <nlohmann/json.hpp>
#include <string_view>

#include "store/event_store.hpp"

namespace litmus::metrics {

// Throws store::AmbiguousId for an ambiguous prefix; returns null when a
// run does not exist (the caller says which).
nlohmann::json compare_runs(store::EventStore& store, std::string_view run_a, std::string_view run_b);

}  // namespace litmus::metrics
