#pragma once
// Recovery: replays every journal whose events are not all in the store and
// closes sessions whose process died without session.ended (a synthetic
// session.ended — and run.ended for an open run — with outcome "aborted",
// payload "synthetic": true, appended to the journal first, then ingested).
// Idempotent: running it twice changes nothing the second time. Journals
// still held by a live process (its lock) are left to that process.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace litmus::store {

class EventStore;

struct RecoveryReport {
  int journals_scanned = 0;
  int journals_live = 0;       // held by a running process, skipped
  int journals_replayed = 0;   // had events missing from the store
  int sessions_closed = 0;     // got a synthetic session.ended
  std::uint64_t events_replayed = 0;
  std::vector<std::string> problems;  // corruption found, with file and offset
};

RecoveryReport recover(const std::filesystem::path& data_dir, EventStore& store,
                       const std::function<void(const std::string&)>& progress = {});

}  // namespace litmus::store
