// EventStore::append_events_json: the events route's answer, read in two
// halves on two threads when a session's events are many.

#include "core/side_by_side.hpp"
#include "store/event_select.hpp"
#include "store/event_store.hpp"
#include "store/shared_snapshot.hpp"

namespace litmus::store {

namespace {

void append_events(Database& db, const EventQuery& query, const std::string& session_id, const SeqRange& range,
                   std::string& out) {
  bool first = out.empty() || out.back() == '[';
  read_events(db, query, session_id, range, [&](const StoredEventView& event) {
    if (!first) out += ',';
    first = false;
    append_json(out, event);
  });
}

// The seq of the event `offset` places into a session's events, in the
// query's order: read from the (session_id, seq) index alone.
std::optional<std::int64_t> seq_at(Database& db, const std::string& session_id, bool descending, int offset) {
  auto q = db.prepare(std::string("SELECT seq FROM events WHERE session_id = ?1 ORDER BY seq") +
                      (descending ? " DESC" : "") + " LIMIT 1 OFFSET ?2");
  q.bind(1, session_id).bind(2, static_cast<std::int64_t>(offset));
  if (!q.step()) return std::nullopt;
  return q.column_int(0);
}

}  // namespace

void EventStore::append_events_json(const EventQuery& query, std::string& out, int split_from, int* readers) {
  if (readers != nullptr) *readers = 1;
  std::string session_id;
  if (!query.session_id.empty()) {
    session_id = resolve_session_id(query.session_id);
    if (session_id.empty()) return;
  }
  // Only a whole session is split: its halves are found on the index, while
  // a type, role or time condition would have to be read row by row to
  // know where the half is.
  const bool whole_session = !session_id.empty() && query.type.empty() && query.role.empty() && !query.since_ts &&
                             !query.after_id;
  if (!whole_session || query.limit < split_from) {
    append_events(*db_, query, session_id, {}, out);
    return;
  }
  const SharedSnapshot snapshot(*db_, /*want_twin=*/true);
  Database* twin = snapshot.twin();
  const int first_half = query.limit / 2;
  const auto split = twin ? seq_at(*db_, session_id, query.newest_first, first_half) : std::nullopt;
  if (!split) {  // no second connection, or the session has no second half
    append_events(*db_, query, session_id, {}, out);
    return;
  }
  if (readers != nullptr) *readers = 2;
  // In the query's order: the first half ends just before `split`, the
  // second starts at it.
  const bool desc = query.newest_first;
  EventQuery first = query, second = query;
  first.limit = first_half;
  second.limit = query.limit - first_half;
  const SeqRange first_range = desc ? SeqRange{*split + 1, {}} : SeqRange{{}, *split - 1};
  const SeqRange second_range = desc ? SeqRange{{}, *split} : SeqRange{*split, {}};
  // Both halves are SQLite decoding rows and JSON being written, CPU bound:
  // on two cores a little over half the time (bench/BENCHMARKS.md §11).
  std::string later = "[";  // so the first event gets no comma
  run_side_by_side([&] { append_events(*db_, first, session_id, first_range, out); },
                   [&] { append_events(*twin, second, session_id, second_range, later); });
  if (later.size() > 1) {
    out += ',';
    out.append(later, 1);
  }
}

}  // namespace litmus::store
