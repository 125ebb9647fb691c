#pragma once
// RunProjection: folds run.* and test.* events (docs/event-types.md, "Runs
// and steps") into the runs, steps and measurements tables. EventStore
// calls it once per newly stored event inside the ingest transaction, so
// the projections commit with their events and a replay (already stored
// events are skipped before projection) never counts twice. A run that
// ends also enters the metrics rollup (store/metric_rollup.hpp), once.
//
// Payloads come from other processes and may be malformed: a missing or
// mistyped member projects as NULL, and an event that cannot be keyed (no
// run_id, a step event without step_path) projects nothing. Nothing here
// throws for bad input; StoreError from SQLite still propagates so the
// batch rolls back.

#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "litmus/event.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::store {

class MetricRollup;

// A discovered step claiming more vectors than this is clamped: a corrupt
// count must not insert billions of pending rows.
inline constexpr std::int64_t kMaxDiscoveredVectors = 100'000;

class RunProjection {
 public:
  // Prepares the statements on `db`; they live as long as this object.
  explicit RunProjection(Database& db);
  ~RunProjection();
  RunProjection(const RunProjection&) = delete;
  RunProjection& operator=(const RunProjection&) = delete;

  // True for the event types this projection folds.
  static bool handles(std::string_view type);

  // Projects one event just stored. `payload` is its parsed JSON object,
  // or null when the payload was not one (then only what the event's own
  // fields say is projected, e.g. that the run ended).
  void apply(const Event& event, const nlohmann::json& payload);

 private:
  struct Statements;
  Database& db_;
  std::unique_ptr<Statements> s_;
  std::unique_ptr<MetricRollup> rollup_;  // written on run.ended
};

// Projects every run.* / test.* event already in the events table, in
// (session_id, seq) order: the upgrade of a schema-1 store, whose release
// stored these events without projecting them. Call inside a transaction,
// on empty projection tables.
void project_stored_runs(Database& db);

}  // namespace litmus::store
