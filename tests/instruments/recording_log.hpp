#pragma once
// An EventLog on a temp data dir that keeps every event it emits, for
// tests that build instruments by hand (a failing or test-only driver a
// station file cannot name).

#include <litmus/event_log.hpp>
#include <litmus/instrument.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.hpp"

namespace litmus::testing {

class RecordingLog {
 public:
  RecordingLog()
      : log_(EventLog::create({.data_dir = dir_.path(), .ingest = false})),
        subscription_(log_->subscribe([this](const Event& event) { events_.push_back(event); })) {}

  InstrumentBinding binding(std::string role, std::string type) {
    return {log_.get(), nullptr, std::move(role), std::move(type), "mock", true};
  }
  EventLog& log() { return *log_; }

  std::vector<Event> of_type(std::string_view type) const {
    std::vector<Event> found;
    for (const auto& event : events_) {
      if (event.type == type) found.push_back(event);
    }
    return found;
  }

 private:
  TempDir dir_;
  std::unique_ptr<EventLog> log_;
  std::vector<Event> events_;
  EventLog::Subscription subscription_;  // last: stops before events_ goes
};

}  // namespace litmus::testing
