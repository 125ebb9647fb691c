#include "metrics/asset_usage.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <vector>
#include <unordered_set>

namespace litmus::metrics {

namespace {

// Session ids looked up by view, without a string per connection.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};

// Identity and calibration from the instrument.connected event of `role`
// in `session_id`. The unary + keep SQLite on the session's events: left
// to itself it walks events_role, every event of that role in the store
// (0.4 s a row on a 100 000-run store, bench/BENCHMARKS.md §10).
void read_identity(store::Database& db, const std::string& session_id, AssetUsageRow& row) {
  auto q = db.prepare(
      "SELECT payload FROM events WHERE session_id = ?1 AND +type = 'instrument.connected' AND +role = ?2 LIMIT 1");
  q.bind(1, session_id).bind(2, row.role);
  if (!q.step()) return;
  const auto payload = nlohmann::json::parse(q.column_text(0), nullptr, false);
  if (!payload.is_object()) return;
  const auto text = [](const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  if (const auto identity = payload.find("identity"); identity != payload.end() && identity->is_object()) {
    row.manufacturer = text(*identity, "manufacturer");
    row.model = text(*identity, "model");
    row.serial = text(*identity, "serial");
  }
  if (const auto calibration = payload.find("calibration"); calibration != payload.end() && calibration->is_object()) {
    row.calibration_due = text(*calibration, "due");
  }
}

}  // namespace

AssetReport asset_usage(store::Database& db, const MetricsFilter& filter, std::int64_t now_ns) {
  const std::int64_t start = filter.since_ns.value_or(std::numeric_limits<std::int64_t>::min());
  const std::int64_t end = filter.until_ns.value_or(now_ns);
  // The window bounds the connections; the rest of the filter picks the
  // sessions by their runs.
  MetricsFilter by_runs = filter;
  by_runs.since_ns.reset();
  by_runs.until_ns.reset();
  ReadSnapshot snapshot(db);
  // The sessions, hashed once; then one pass over the connections, summed
  // here rather than by SQLite: a join to sessions for each of 372 641
  // connections and a GROUP BY sort of them were 2.4 s on a 100 000-run
  // store (bench/BENCHMARKS.md §10). Only a connection left open needs its
  // session's end, looked up then.
  std::unordered_set<std::string, TransparentHash, std::equal_to<>> sessions;
  {
    const RunSelection runs = select_runs(by_runs, "r.session_id");
    auto q = db.prepare(runs.sql);
    runs.bind(q);
    while (q.step()) sessions.emplace(q.column_blob(0));
  }
  auto session_end = db.prepare("SELECT ended_ts FROM sessions WHERE session_id = ?1");
  auto q = db.prepare(
      "SELECT session_id, role, COALESCE(resource, ''), COALESCE(type, ''), mocked, connected_ts, disconnected_ts "
      "FROM instruments WHERE connected_ts IS NOT NULL AND connected_ts < ?1");
  q.bind(1, end);
  struct Group {
    AssetUsageRow row;
    std::int64_t connected_ns = 0;
    std::int64_t latest = std::numeric_limits<std::int64_t>::min();
    std::string latest_session;
  };
  // By (role, resource): a few dozen, found by a linear search of views
  // (no string made per connection), ordered as GROUP BY 1, 2 at the end.
  std::vector<Group> groups;
  while (q.step()) {
    const std::string_view session_id = q.column_blob(0);
    if (!sessions.contains(session_id)) continue;
    const std::int64_t connected = q.column_int(5);
    // A connection still open ends at its session's end, else at the
    // window's end.
    std::int64_t until = end;
    if (const auto disconnected = q.column_optional_int(6)) {
      until = *disconnected;
    } else {
      session_end.reset();
      session_end.bind(1, session_id);
      if (session_end.step()) until = session_end.column_optional_int(0).value_or(end);
      session_end.reset();
    }
    if (until <= start) continue;
    // One row per (session, role): a session counts once in its group.
    const std::string_view role = q.column_blob(1);
    const std::string_view resource = q.column_blob(2);
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& g) { return g.row.role == role && g.row.resource == resource; });
    if (found == groups.end()) {
      found = groups.emplace(groups.end());
      found->row.role = role;
      found->row.resource = resource;
    }
    Group& group = *found;
    group.row.sessions += 1;
    group.connected_ns += std::max<std::int64_t>(0, std::min(until, end) - std::max(connected, start));
    group.row.mocked = group.row.mocked || q.column_int(4) != 0;
    if (connected > group.latest) {  // the latest connection names the identity
      group.latest = connected;
      group.latest_session.assign(session_id.data(), session_id.size());
      group.row.type = q.column_text(3);
    }
  }
  AssetReport report;
  std::vector<std::pair<AssetUsageRow, std::string>> found;  // with the latest session
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return std::tie(a.row.role, a.row.resource) < std::tie(b.row.role, b.row.resource);
  });
  for (auto& group : groups) {
    group.row.connected_s = static_cast<double>(group.connected_ns) / 1e9;
    report.connected_s += group.row.connected_s;
    found.emplace_back(std::move(group.row), std::move(group.latest_session));
  }
  for (auto& [row, latest_session] : found) {
    read_identity(db, latest_session, row);
    if (report.connected_s > 0) row.share = row.connected_s / report.connected_s;
    report.rows.push_back(std::move(row));
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const AssetUsageRow& a, const AssetUsageRow& b) {
    return a.connected_s != b.connected_s ? a.connected_s > b.connected_s : a.role < b.role;
  });
  return report;
}

}  // namespace litmus::metrics
