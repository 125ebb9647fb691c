#include "store/event_select.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "store/id_prefix.hpp"
#include "store/row_reading.hpp"

namespace litmus::store {

void read_events(Database& db, const EventQuery& query, const std::string& session_id, const SeqRange& range,
                 const std::function<void(const StoredEventView&)>& on_event) {
  std::string sql = std::string("SELECT id, ") + kEventColumns + " FROM events WHERE 1";
  std::vector<std::string> texts;
  std::vector<std::int64_t> ints;
  // Parameters are numbered in the order conditions are added.
  struct Param {
    bool is_text;
    std::size_t index;
  };
  std::vector<Param> params;
  auto add_text = [&](const std::string& condition, std::string value) {
    texts.push_back(std::move(value));
    params.push_back({true, texts.size() - 1});
    sql += " AND " + condition + " ?" + std::to_string(params.size());
  };
  auto add_int = [&](const std::string& condition, std::int64_t value) {
    ints.push_back(value);
    params.push_back({false, ints.size() - 1});
    sql += " AND " + condition + " ?" + std::to_string(params.size());
  };

  if (!session_id.empty()) add_text("session_id =", session_id);
  if (!query.type.empty()) {
    if (query.type.ends_with(".*")) {
      const std::string prefix = query.type.substr(0, query.type.size() - 1);  // keeps the dot
      add_text("type >=", prefix);
      add_text("type <", prefix_upper_bound(prefix));
    } else {
      add_text("type =", query.type);
    }
  }
  if (!query.role.empty()) add_text("role =", query.role);
  if (query.since_ts) add_int("ts >=", *query.since_ts);
  if (query.after_id) add_int("id >", *query.after_id);
  if (range.min) add_int("seq >=", *range.min);
  if (range.max) add_int("seq <=", *range.max);
  const bool descending = query.newest_first && !query.after_id;
  // One session's events read in its own order (seq): the UNIQUE(session_id,
  // seq) index walks straight to them. By id (commit order), SQLite would
  // walk every later session's events first, or sort the whole session.
  // A cursor (after_id) is a store-wide id, so that stays by id.
  const char* order = !session_id.empty() && !query.after_id ? "seq" : "id";
  sql += std::string(" ORDER BY ") + order + (descending ? " DESC" : "");
  sql += " LIMIT " + std::to_string(std::max(query.limit, 0));

  auto q = db.prepare(sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (params[i].is_text) {
      q.bind(index, texts[params[i].index]);
    } else {
      q.bind(index, ints[params[i].index]);
    }
  }
  StoredEventView v;
  while (q.step()) {
    // kEventColumns from column 1, as read_event reads them.
    v.id = q.column_int(0);
    v.session_id = q.column_text_view(1);
    v.seq = static_cast<std::uint64_t>(q.column_int(2));
    v.run_id = q.column_text_view(3);
    v.ts = q.column_int(4);
    v.type = q.column_text_view(5);
    v.role = q.column_text_view(6);
    v.step_path = q.column_text_view(7);
    v.vector_index = q.is_null(8) ? -1 : static_cast<std::int32_t>(q.column_int(8));
    v.payload = q.column_text_view(9);
    on_event(v);
  }
}

}  // namespace litmus::store
