#pragma once
// Reading query results into row structs: the loops every EventStore query
// would otherwise repeat, and the columns of an Event as stored in `events`.

#include <optional>
#include <vector>

#include "litmus/event.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::store {

// Every row `q` yields, each turned into a struct by `read(q)`.
template <class Read>
auto read_rows(Statement& q, Read read) -> std::vector<decltype(read(q))> {
  std::vector<decltype(read(q))> rows;
  while (q.step()) rows.push_back(read(q));
  return rows;
}

// The first row `q` yields, if any.
template <class Read>
auto read_first(Statement& q, Read read) -> std::optional<decltype(read(q))> {
  if (!q.step()) return std::nullopt;
  return read(q);
}

// The events table's columns of an Event, in the order read_event expects.
inline constexpr const char* kEventColumns =
    "session_id, seq, run_id, ts, type, role, step_path, vector_index, payload";

// The Event in kEventColumns starting at column `first` of `q`'s row.
inline Event read_event(const Statement& q, int first = 0) {
  Event e;
  e.session_id = q.column_text(first);
  e.seq = static_cast<std::uint64_t>(q.column_int(first + 1));
  e.run_id = q.column_text(first + 2);
  e.ts = q.column_int(first + 3);
  e.type = q.column_text(first + 4);
  e.role = q.column_text(first + 5);
  e.step_path = q.column_text(first + 6);
  e.vector_index = q.is_null(first + 7) ? -1 : static_cast<std::int32_t>(q.column_int(first + 7));
  e.payload = q.column_text(first + 8);
  return e;
}

}  // namespace litmus::store
