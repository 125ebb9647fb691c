#pragma once
// Builds one session's events in seq order as the GoogleTest runner emits
// them for a run (docs/event-types.md, "Runs and steps"), for the store and
// server tests of the run projections.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "store/store_fixture.hpp"

namespace litmus::testing {

class RunEvents {
 public:
  // Event n is stamped n seconds after the epoch plus `ts_offset` ns (so
  // runs built with the same offset start at the same ts).
  RunEvents(std::string session, std::string run, std::int64_t ts_offset = 0)
      : session_(std::move(session)), run_(std::move(run)), ts_offset_(ts_offset) {}

  // An event of the run (run_id set).
  RunEvents& add(const std::string& type, nlohmann::json payload, const std::string& step_path = {},
                 int vector = -1) {
    add_outside_run(type, std::move(payload));
    JournalEntry& entry = entries_.back();
    entry.event.run_id = run_;
    entry.event.step_path = step_path;
    entry.event.vector_index = vector;
    return *this;
  }
  // An event of the session outside the run (session.started, instrument.*).
  RunEvents& add_outside_run(const std::string& type, nlohmann::json payload, const std::string& role = {}) {
    JournalEntry entry = make_entry(session_, entries_.size() + 1, type, std::move(payload), role);
    entry.event.ts += ts_offset_;
    entries_.push_back(std::move(entry));
    return *this;
  }
  // A payload given as raw text (for payloads that are not JSON objects).
  RunEvents& add_raw(const std::string& type, const std::string& payload, const std::string& step_path = {}) {
    add(type, nlohmann::json::object(), step_path);
    entries_.back().event.payload = payload;
    return *this;
  }
  // test.step_started, its measurements, test.step_ended.
  RunEvents& attempt(const std::string& step, int vector, int retry, const std::string& outcome,
                     nlohmann::json inputs, std::vector<nlohmann::json> measurements = {}, bool retrying = false) {
    start_attempt(step, vector, retry, std::move(inputs));
    for (auto& m : measurements) {
      m["vector_retry"] = retry;
      add("test.measurement", m, step, vector);
    }
    return add("test.step_ended",
               {{"outcome", outcome},
                {"vector_retry", retry},
                {"duration_ns", 5'000'000},
                {"retrying", retrying},
                {"failures", nlohmann::json::array()}},
               step, vector);
  }
  // Only test.step_started: an attempt still running.
  RunEvents& start_attempt(const std::string& step, int vector, int retry, nlohmann::json inputs) {
    return add("test.step_started", {{"inputs", std::move(inputs)}, {"vector_retry", retry}, {"vector_count", 2}},
               step, vector);
  }
  const std::vector<JournalEntry>& entries() const { return entries_; }
  std::vector<JournalEntry>& entries() { return entries_; }

 private:
  std::string session_;
  std::string run_;
  std::int64_t ts_offset_ = 0;
  std::vector<JournalEntry> entries_;
};

}  // namespace litmus::testing
