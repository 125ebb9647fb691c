#pragma once
// A small production line in a temp store, written as the runner writes
// it: one session per run, its events through EventStore::ingest, so the
// metrics read the real projections (runs, steps, measurements,
// instruments). Each RunSpec is one row of a test's table.

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/journal_entry.hpp"
#include "core/timestamp.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus::metrics::testing {

struct MeasurementSpec {
  std::string name;
  double value = 0;
  std::optional<double> low;
  std::optional<double> high;
  std::string outcome = "passed";
};

struct StepSpec {
  std::string path;  // "Suite/Test"
  std::string outcome = "passed";
  std::vector<MeasurementSpec> measurements;
  int vector = 0;
  int retry = 0;        // vector_retry of this attempt (a retried vector: the same path and vector again)
  bool started = true;  // false: never ran (aborted before it)
};

struct InstrumentSpec {
  std::string role;
  std::string resource;
  double connected_s = 0;  // after the run start
  std::optional<double> disconnected_s;  // unset: never disconnected
  std::string serial;
  std::string calibration_due;
};

struct RunSpec {
  std::string serial;
  std::string start = "2026-11-02T08:00:00Z";  // ISO-8601 or a date
  double duration_s = 60;
  std::string outcome = "passed";
  std::string part_number = "PN-1";
  std::string hostname = "host-a";
  std::string phase = "production";
  std::string lot = "L1";
  std::string fixture = "fx";
  std::string git_commit = "c1";
  std::vector<StepSpec> steps;
  std::vector<InstrumentSpec> instruments;
  bool in_flight = false;  // no run.ended (nor session.ended) yet
};

class LineBuilder {
 public:
  // In a temp dir that goes with the builder, or in `data_dir`.
  LineBuilder() : temp_(std::in_place), dir_(temp_->path()), store_(store::EventStore::open(dir_)) {}
  explicit LineBuilder(std::filesystem::path data_dir) : dir_(std::move(data_dir)), store_(store::EventStore::open(dir_)) {}

  store::EventStore& store() { return *store_; }
  // The ids of the run added last and its session.
  const std::string& last_run_id() const { return last_run_id_; }
  const std::string& last_session_id() const { return last_session_id_; }
  const std::filesystem::path& data_dir() const { return dir_; }

  LineBuilder& add(const RunSpec& run) {
    using nlohmann::json;
    const std::string session = uuid(++runs_, 'a');
    const std::string run_id = uuid(runs_, 'b');
    const std::int64_t start = *parse_timestamp_ns(run.start);
    const auto at = [&](double seconds) { return start + static_cast<std::int64_t>(seconds * 1e9); };
    std::vector<JournalEntry> entries;
    const auto add_event = [&](std::int64_t ts, const std::string& type, json payload, const std::string& role = {},
                               const std::string& step = {}, int vector = -1) {
      JournalEntry entry;
      entry.event.session_id = session;
      entry.event.seq = entries.size() + 1;
      entry.event.ts = ts;
      entry.event.type = type;
      entry.event.role = role;
      entry.event.run_id = type.starts_with("session.") || type.starts_with("instrument.") ? "" : run_id;
      entry.event.step_path = step;
      entry.event.vector_index = vector;
      entry.event.payload = payload.dump();
      entries.push_back(std::move(entry));
    };
    add_event(start, "session.started", {{"station", "bench"}, {"hostname", run.hostname}, {"dut_serial", run.serial}});
    for (const auto& instrument : run.instruments) {
      add_event(at(instrument.connected_s), "instrument.connected",
                {{"type", "dmm"},
                 {"resource", instrument.resource},
                 {"mocked", false},
                 {"identity", {{"manufacturer", "Keysight"}, {"model", "34461A"}, {"serial", instrument.serial}}},
                 {"calibration", {{"due", instrument.calibration_due}}}},
                instrument.role);
    }
    add_event(start, "run.started",
              {{"dut_serial", run.serial},
               {"dut_part_number", run.part_number},
               {"dut_lot_number", run.lot},
               {"product", "board"},
               {"fixture", run.fixture},
               {"station", "bench"},
               {"phase", run.phase},
               {"program", "tests"},
               {"git_commit", run.git_commit}});
    json discovered = json::array();
    for (const auto& step : run.steps) {
      if (step.retry > 0) continue;  // an attempt of a step listed already
      discovered.push_back({{"step_path", step.path}, {"suite", "S"}, {"name", step.path}, {"vectors", 1}});
    }
    add_event(start, "test.steps_discovered", {{"steps", discovered}});
    for (const auto& step : run.steps) {
      if (!step.started) continue;
      add_event(at(1), "test.step_started", {{"vector_retry", step.retry}, {"vector_count", 1}}, {}, step.path,
                step.vector);
      for (const auto& m : step.measurements) {
        json limit = json::object();
        if (m.low) limit["low"] = *m.low;
        if (m.high) limit["high"] = *m.high;
        add_event(at(2), "test.measurement",
                  {{"name", m.name}, {"value", m.value}, {"units", "V"}, {"outcome", m.outcome}, {"limit", limit},
                   {"vector_retry", step.retry}},
                  {}, step.path, step.vector);
      }
      add_event(at(3), "test.step_ended",
                {{"outcome", step.outcome}, {"vector_retry", step.retry}, {"duration_ns", 1000}}, {}, step.path,
                step.vector);
    }
    last_run_id_ = run_id;
    last_session_id_ = session;
    if (run.in_flight) {
      store_->ingest(entries, 0);
      return *this;
    }
    add_event(at(run.duration_s), "run.ended",
              {{"outcome", run.outcome}, {"duration_ns", static_cast<std::int64_t>(run.duration_s * 1e9)}});
    for (const auto& instrument : run.instruments) {
      if (instrument.disconnected_s) {
        add_event(at(*instrument.disconnected_s), "instrument.disconnected", json::object(), instrument.role);
      }
    }
    if (run.instruments.empty() || run.instruments.front().disconnected_s) {
      add_event(at(run.duration_s), "session.ended", {{"outcome", run.outcome}});
    }
    store_->ingest(entries, 0);
    return *this;
  }

 private:
  // "a0000001-0000-4000-8000-000000000000": unique in its first 8
  // characters, as a user's prefix needs.
  static std::string uuid(int n, char kind) {
    char id[64];
    std::snprintf(id, sizeof id, "%c%07d-0000-4000-8000-000000000000", kind, n);
    return id;
  }

  std::optional<litmus::testing::TempDir> temp_;
  std::filesystem::path dir_;
  std::unique_ptr<store::EventStore> store_;
  int runs_ = 0;
  std::string last_run_id_;
  std::string last_session_id_;
};

}  // namespace litmus::metrics::testing
