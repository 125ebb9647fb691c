#include "metrics/asset_usage.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace litmus::metrics {

namespace {

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
  const RunSelection runs = select_runs(by_runs, "r.session_id");
  // ?1 start, ?2 end, then the run selection's parameters. The sessions
  // are one IN list, built once: runs has no index on session_id, and a
  // correlated EXISTS scanned every run for every connection (hours on a
  // 100 000-run store, bench/BENCHMARKS.md §10).
  const std::string sql =
      "SELECT i.role, COALESCE(i.resource, ''), COALESCE(i.type, ''), MAX(i.mocked), COUNT(DISTINCT i.session_id), "
      "SUM(MAX(0, MIN(COALESCE(i.disconnected_ts, ss.ended_ts, ?2), ?2) - MAX(i.connected_ts, ?1))), "
      "MAX(i.connected_ts), i.session_id "  // SQLite: the bare column comes from the row of the MAX
      "FROM instruments i JOIN sessions ss ON ss.session_id = i.session_id "
      "WHERE i.connected_ts IS NOT NULL AND i.connected_ts < ?2 AND COALESCE(i.disconnected_ts, ss.ended_ts, ?2) > ?1 "
      "AND i.session_id IN (" +
      runs.sql + ") GROUP BY 1, 2";
  auto q = db.prepare(sql);
  q.bind(1, start).bind(2, end);
  runs.bind(q, 3);
  AssetReport report;
  std::vector<std::pair<AssetUsageRow, std::string>> found;  // with the latest session
  while (q.step()) {
    AssetUsageRow row;
    row.role = q.column_text(0);
    row.resource = q.column_text(1);
    row.type = q.column_text(2);
    row.mocked = q.column_int(3) != 0;
    row.sessions = q.column_int(4);
    row.connected_s = static_cast<double>(q.column_int(5)) / 1e9;
    report.connected_s += row.connected_s;
    found.emplace_back(std::move(row), q.column_text(7));
  }
  for (auto& [row, session_id] : found) {
    read_identity(db, session_id, row);
    if (report.connected_s > 0) row.share = row.connected_s / report.connected_s;
    report.rows.push_back(std::move(row));
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const AssetUsageRow& a, const AssetUsageRow& b) {
    return a.connected_s != b.connected_s ? a.connected_s > b.connected_s : a.role < b.role;
  });
  return report;
}

}  // namespace litmus::metrics
