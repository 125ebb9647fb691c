#pragma once
// A temp project holding stations/bench_1.yaml and a temp data dir, for
// tests that connect() to a mock station and read back what it recorded.

#include <gtest/gtest.h>

#include <litmus/station.hpp>
#include <string>
#include <vector>

#include "config/write_file.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {

class StationFixture : public ::testing::Test {
 protected:
  void write_station(const std::string& yaml) { write_file(project_ / "stations/bench_1.yaml", yaml); }
  ConnectOptions options() const { return {.mock = true, .data_dir = data_.path(), .project_dir = project_.path()}; }
  // The session's stored events, oldest first; `type` empty: all.
  std::vector<store::StoredEvent> events(const std::string& session_id, const std::string& type = {}) const {
    return store::EventStore::open(data_.path())->events({.session_id = session_id, .type = type, .limit = 1000});
  }

  TempDir project_;
  TempDir data_;
};

}  // namespace litmus::testing
