#include "metrics/asset_usage.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/asset_rollup.hpp"

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
  ReadSnapshot snapshot(db);
  // By (role, resource), in that order.
  std::map<std::pair<std::string, std::string>, store::AssetSums> groups;

  // The whole days from the assets rollup (store/asset_rollup.hpp).
  const WholeDays days = whole_days(filter);
  if (days.first < days.end) {
    const RunSelection condition = rollup_condition(filter, days, "metric_rollup_asset_stale");
    auto q = db.prepare(
        "SELECT role, resource, sessions, connected_ns, mocked, latest_ts, latest_session, type "
        "FROM metric_rollup_assets g WHERE " +
        condition.sql);
    condition.bind(q);
    store::AssetSums sums;
    while (q.step()) {
      sums.sessions = q.column_int(2);
      sums.connected_ns = q.column_int(3);
      sums.mocked = q.column_int(4) != 0;
      sums.latest_ts = q.column_int(5);
      sums.latest_session = q.column_text(6);
      sums.type = q.column_text(7);
      groups[{q.column_text(0), q.column_text(1)}].add(sums);
    }
  }

  // The rest, connection by connection: those of live sessions, those
  // never in the rollup, and those of the partial first and last day and
  // of stale days.
  std::vector<std::pair<std::string, std::string>> raw;  // (session, role); role '' for all of a live session
  {
    auto live = db.prepare("SELECT session_id FROM sessions WHERE ended_ts IS NULL");
    while (live.step()) raw.emplace_back(live.column_text(0), std::string());
    auto unrolled = db.prepare("SELECT session_id, role FROM metric_rollup_connections WHERE day IS NULL");
    while (unrolled.step()) raw.emplace_back(unrolled.column_text(0), unrolled.column_text(1));
    std::vector<std::int64_t> raw_days;
    if (filter.since_ns && store::utc_day_floor(*filter.since_ns) < days.first) {
      raw_days.push_back(store::utc_day_floor(*filter.since_ns));
    }
    if (filter.until_ns && days.end < *filter.until_ns) raw_days.push_back(days.end);
    auto stale = db.prepare("SELECT day FROM metric_rollup_asset_stale");
    while (stale.step()) raw_days.push_back(stale.column_int(0));
    std::sort(raw_days.begin(), raw_days.end());
    raw_days.erase(std::unique(raw_days.begin(), raw_days.end()), raw_days.end());
    auto of_day = db.prepare("SELECT session_id, role FROM metric_rollup_connections WHERE day = ?1");
    for (const std::int64_t day : raw_days) {
      of_day.reset();
      of_day.bind(1, day);
      while (of_day.step()) raw.emplace_back(of_day.column_text(0), of_day.column_text(1));
    }
  }
  // A session counts when it holds a run the filter picks (any of its runs:
  // the window bounds the connections, not the runs).
  MetricsFilter by_runs = filter;
  by_runs.since_ns.reset();
  by_runs.until_ns.reset();
  const RunSelection runs = select_runs(by_runs, "1");
  auto picks = db.prepare(runs.sql + " AND r.session_id = ? LIMIT 1");
  std::unordered_map<std::string, bool> picked;
  store::ConnectionReader reader(db);
  store::Connection one;
  const auto add = [&](const store::Connection& c) {
    auto [found, fresh] = picked.try_emplace(c.session_id, false);
    if (fresh) {
      picks.reset();
      picks.bind(runs.bind(picks), c.session_id);
      found->second = picks.step();
      picks.reset();
    }
    if (!found->second) return;
    store::AssetSums sums;
    if (sums.add(c, start, end)) groups[{c.role, c.resource}].add(sums);
  };
  for (const auto& [session_id, role] : raw) {
    if (role.empty()) {
      for (const store::Connection& c : reader.of_session(session_id)) add(c);
    } else if (reader.read(session_id, role, one)) {
      add(one);
    }
  }

  AssetReport report;
  for (auto& [key, sums] : groups) {
    AssetUsageRow row;
    row.role = key.first;
    row.resource = key.second;
    row.type = sums.type;
    row.mocked = sums.mocked;
    row.sessions = sums.sessions;
    row.connected_s = static_cast<double>(sums.connected_ns) / 1e9;
    report.connected_s += row.connected_s;
    read_identity(db, sums.latest_session, row);
    report.rows.push_back(std::move(row));
  }
  for (auto& row : report.rows) {
    if (report.connected_s > 0) row.share = row.connected_s / report.connected_s;
  }
  std::stable_sort(report.rows.begin(), report.rows.end(), [](const AssetUsageRow& a, const AssetUsageRow& b) {
    return a.connected_s != b.connected_s ? a.connected_s > b.connected_s : a.role < b.role;
  });
  return report;
}

}  // namespace litmus::metrics
