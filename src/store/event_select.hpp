#pragma once
// The SELECT an EventQuery is, run on a given connection: for_each_event
// reads with it, and the events route's JSON reads two halves of one
// session with it on two connections (events_json.cpp).

#include <cstdint>
#include <functional>
#include <optional>

#include "store/event_store.hpp"

namespace litmus::store {

// An inclusive range of a session's seq numbers, on top of the query's
// own conditions: one half of a session's events.
struct SeqRange {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
};

// Reads the events `query` selects, in its order and up to its limit, from
// `db`. `session_id` is the query's session as a full id (empty: every
// session); `query.session_id` is not looked at.
void read_events(Database& db, const EventQuery& query, const std::string& session_id, const SeqRange& range,
                 const std::function<void(const StoredEventView&)>& on_event);

}  // namespace litmus::store
