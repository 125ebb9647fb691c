#pragma once
// Builds journal entries and a store in a temp dir for store tests.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/journal_entry.hpp"
#include "store/event_store.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {

inline JournalEntry make_entry(const std::string& session, std::uint64_t seq, const std::string& type,
                               nlohmann::json payload = nlohmann::json::object(), const std::string& role = {}) {
  JournalEntry entry;
  entry.event.session_id = session;
  entry.event.seq = seq;
  entry.event.ts = 1'000'000'000 * static_cast<std::int64_t>(seq);
  entry.event.type = type;
  entry.event.role = role;
  entry.event.payload = payload.dump();
  return entry;
}

}  // namespace litmus::testing
