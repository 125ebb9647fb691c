#include "store/asset_rollup.hpp"

#include <algorithm>
#include <chrono>

#include "store/row_reading.hpp"

namespace litmus::store {

namespace {

// A connected row of `instruments` with its session's end: ?1 session[, ?2 role].
constexpr const char* kConnectionColumns =
    "SELECT i.session_id, i.role, COALESCE(i.resource, ''), COALESCE(i.type, ''), i.mocked, i.connected_ts, "
    "COALESCE(i.disconnected_ts, s.ended_ts) FROM instruments i LEFT JOIN sessions s ON s.session_id = i.session_id "
    "WHERE i.session_id = ?1 AND i.connected_ts IS NOT NULL";

void read_connection(Statement& q, Connection& c) {
  c.session_id = q.column_text(0);
  c.role = q.column_text(1);
  c.resource = q.column_text(2);
  c.type = q.column_text(3);
  c.mocked = q.column_int(4) != 0;
  c.connected_ts = q.column_int(5);
  c.until = q.column_optional_int(6);
}

bool later(std::int64_t ts, const std::string& session, std::int64_t than_ts, const std::string& than_session) {
  return std::tie(ts, session) > std::tie(than_ts, than_session);
}

}  // namespace

bool AssetSums::add(const Connection& c, std::int64_t start, std::int64_t end) {
  if (c.connected_ts >= end) return false;
  const std::int64_t until = c.until.value_or(end);
  if (until <= start) return false;
  sessions += 1;
  connected_ns += std::max<std::int64_t>(0, std::min(until, end) - std::max(c.connected_ts, start));
  mocked = mocked || c.mocked;
  if (sessions == 1 || later(c.connected_ts, c.session_id, latest_ts, latest_session)) {
    latest_ts = c.connected_ts;
    latest_session = c.session_id;
    type = c.type;
  }
  return true;
}

void AssetSums::add(const AssetSums& o) {
  if (o.sessions == 0) return;
  if (sessions == 0 || later(o.latest_ts, o.latest_session, latest_ts, latest_session)) {
    latest_ts = o.latest_ts;
    latest_session = o.latest_session;
    type = o.type;
  }
  sessions += o.sessions;
  connected_ns += o.connected_ns;
  mocked = mocked || o.mocked;
}

std::optional<std::int64_t> connection_day(const Connection& c) {
  if (!c.until) return std::nullopt;
  const std::int64_t day = utc_day_floor(c.connected_ts);
  // After the midnight, so a window starting there counts it (a
  // connection ending at or before the window's start adds nothing); by
  // the next, so every window holding the whole day holds all of it.
  if (*c.until <= day || day > std::numeric_limits<std::int64_t>::max() - kNanosPerDay ||
      *c.until > day + kNanosPerDay) {
    return std::nullopt;
  }
  return day;
}

// --- reading ----------------------------------------------------------------

struct ConnectionReader::Statements {
  Statement of_session;
  Statement one;
  Statement keys;
  Statement ended;
  explicit Statements(Database& db)
      : of_session(db.prepare(kConnectionColumns)),
        one(db.prepare(std::string(kConnectionColumns) + " AND i.role = ?2")),
        keys(db.prepare(std::string("SELECT DISTINCT ") + kRunPhaseKeySql + ", " + kRunProductKeySql + ", " +
                        kRunStationKeySql + ", " + kRunLotKeySql + " FROM runs r WHERE r.session_id = ?1 AND " +
                        kRunFinishedSql)),
        ended(db.prepare("SELECT 1 FROM sessions WHERE session_id = ?1 AND ended_ts IS NOT NULL")) {}
};

ConnectionReader::ConnectionReader(Database& db) : s_(std::make_unique<Statements>(db)) {}
ConnectionReader::~ConnectionReader() = default;

std::vector<Connection> ConnectionReader::of_session(const std::string& session_id) {
  std::vector<Connection> found;
  Statement& q = s_->of_session;
  q.reset();
  q.bind(1, session_id);
  while (q.step()) read_connection(q, found.emplace_back());
  q.reset();
  return found;
}

bool ConnectionReader::read(const std::string& session_id, const std::string& role, Connection& out) {
  Statement& q = s_->one;
  q.reset();
  q.bind(1, session_id).bind(2, role);
  const bool found = q.step();
  if (found) read_connection(q, out);
  q.reset();
  return found;
}

std::vector<RunGroup> ConnectionReader::run_keys(const std::string& session_id) {
  std::vector<RunGroup> keys;
  Statement& q = s_->keys;
  q.reset();
  q.bind(1, session_id);
  while (q.step()) {
    RunGroup& g = keys.emplace_back();
    g.phase = q.column_text(0);
    g.product = q.column_text(1);
    g.station = q.column_text(2);
    g.lot = q.column_text(3);
  }
  q.reset();
  return keys;
}

bool ConnectionReader::ended(const std::string& session_id) {
  Statement& q = s_->ended;
  q.reset();
  q.bind(1, session_id);
  const bool found = q.step();
  q.reset();
  return found;
}

// --- writing ----------------------------------------------------------------

struct AssetRollup::Statements {
  Statement marks_of_session;
  Statement unmark_session;
  Statement mark;
  Statement mark_stale;
  Statement upsert;
  Statement stale_days;
  Statement marks_of_day;
  Statement drop_day;
  Statement drop_stale_day;
  Statement ended_sessions;

  explicit Statements(Database& db)
      : marks_of_session(db.prepare(
            "SELECT DISTINCT day FROM metric_rollup_connections WHERE session_id = ?1 AND day IS NOT NULL")),
        unmark_session(db.prepare("DELETE FROM metric_rollup_connections WHERE session_id = ?1")),
        mark(db.prepare("INSERT OR REPLACE INTO metric_rollup_connections(session_id, role, day) VALUES(?1, ?2, ?3)")),
        mark_stale(db.prepare("INSERT OR IGNORE INTO metric_rollup_asset_stale(day) VALUES(?1)")),
        upsert(db.prepare(
            "INSERT INTO metric_rollup_assets(day, phase, product, station, lot, role, resource, sessions, "
            "connected_ns, mocked, latest_ts, latest_session, type) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT DO UPDATE SET "
            "sessions = sessions + excluded.sessions, connected_ns = connected_ns + excluded.connected_ns, "
            "mocked = max(mocked, excluded.mocked), "
            // Every right-hand side reads the row as it was, so the test
            // is the same for all three.
            "latest_ts = CASE WHEN (excluded.latest_ts, excluded.latest_session) > (latest_ts, latest_session) "
            "THEN excluded.latest_ts ELSE latest_ts END, "
            "latest_session = CASE WHEN (excluded.latest_ts, excluded.latest_session) > (latest_ts, latest_session) "
            "THEN excluded.latest_session ELSE latest_session END, "
            "type = CASE WHEN (excluded.latest_ts, excluded.latest_session) > (latest_ts, latest_session) "
            "THEN excluded.type ELSE type END")),
        stale_days(db.prepare("SELECT day FROM metric_rollup_asset_stale ORDER BY day")),
        marks_of_day(db.prepare("SELECT session_id, role FROM metric_rollup_connections WHERE day = ?1")),
        drop_day(db.prepare("DELETE FROM metric_rollup_assets WHERE day = ?1")),
        drop_stale_day(db.prepare("DELETE FROM metric_rollup_asset_stale WHERE day = ?1")),
        ended_sessions(db.prepare(
            "SELECT DISTINCT i.session_id FROM instruments i JOIN sessions s ON s.session_id = i.session_id "
            "WHERE s.ended_ts IS NOT NULL ORDER BY i.session_id")) {}
};

AssetRollup::AssetRollup(Database& db) : db_(db), reader_(db), s_(std::make_unique<Statements>(db)) {}
AssetRollup::~AssetRollup() = default;

void AssetRollup::add_session(const std::string& session_id) {
  const std::vector<RunGroup> keys = reader_.run_keys(session_id);
  for (const Connection& c : reader_.of_session(session_id)) {
    // Runs under two keys: the lens asks which of them the filter picks.
    std::optional<std::int64_t> day;
    if (keys.size() <= 1) day = connection_day(c);
    s_->mark.reset();
    s_->mark.bind(1, c.session_id).bind(2, c.role);
    if (day.has_value()) {
      s_->mark.bind(3, day.value());
    } else {
      s_->mark.bind_null(3);
    }
    s_->mark.step();
    // No finished run: no filter picks the session; marked, adds nothing.
    if (!day || keys.empty()) continue;
    const RunGroup& g = keys.front();
    pending_[{*day, g.phase, g.product, g.station, g.lot, c.role, c.resource}].add(c, *day, *day + kNanosPerDay);
  }
}

void AssetRollup::flush() {
  Statement& q = s_->upsert;
  for (const auto& [key, sums] : pending_) {
    const auto& [day, phase, product, station, lot, role, resource] = key;
    q.reset();
    q.bind(1, day).bind(2, phase).bind(3, product).bind(4, station).bind(5, lot).bind(6, role).bind(7, resource);
    q.bind(8, sums.sessions).bind(9, sums.connected_ns).bind(10, static_cast<std::int64_t>(sums.mocked));
    q.bind(11, sums.latest_ts).bind(12, sums.latest_session).bind(13, sums.type);
    q.step();
  }
  pending_.clear();
}

void AssetRollup::session_changed(const std::string& session_id) {
  if (!reader_.ended(session_id)) return;
  // Out first: the days it was in are rebuilt below from what stays marked.
  Statement& marks = s_->marks_of_session;
  marks.reset();
  marks.bind(1, session_id);
  const std::vector<std::int64_t> days = read_rows(marks, [](Statement& q) { return q.column_int(0); });
  marks.reset();
  for (const std::int64_t day : days) {
    s_->mark_stale.reset();
    s_->mark_stale.bind(1, day).step();
  }
  s_->unmark_session.reset();
  s_->unmark_session.bind(1, session_id).step();
  add_session(session_id);
  flush();
  rebuild_stale_days();
}

void AssetRollup::rebuild_stale_days() {
  s_->stale_days.reset();
  const std::vector<std::int64_t> days = read_rows(s_->stale_days, [](Statement& q) { return q.column_int(0); });
  s_->stale_days.reset();
  for (const std::int64_t day : days) {
    std::vector<std::pair<std::string, std::string>> marked;
    Statement& q = s_->marks_of_day;
    q.reset();
    q.bind(1, day);
    while (q.step()) marked.emplace_back(q.column_text(0), q.column_text(1));
    q.reset();
    s_->drop_day.reset();
    s_->drop_day.bind(1, day).step();
    Connection c;
    for (const auto& [session_id, role] : marked) {
      const std::vector<RunGroup> keys = reader_.run_keys(session_id);
      const bool same_day = reader_.read(session_id, role, c) && keys.size() <= 1 && connection_day(c) == day;
      if (!same_day) {
        // Changed without its session being re-entered (a run moved to
        // another session): read raw from now on, which is always exact.
        s_->mark.reset();
        s_->mark.bind(1, session_id).bind(2, role).bind_null(3).step();
        continue;
      }
      if (keys.empty()) continue;
      const RunGroup& g = keys.front();
      pending_[{day, g.phase, g.product, g.station, g.lot, c.role, c.resource}].add(c, day, day + kNanosPerDay);
    }
    flush();
    s_->drop_stale_day.reset();
    s_->drop_stale_day.bind(1, day).step();
  }
}

void AssetRollup::rebuild_all(const std::function<void(std::int64_t, std::int64_t)>& progress) {
  db_.exec("DELETE FROM metric_rollup_assets; DELETE FROM metric_rollup_connections; DELETE FROM metric_rollup_asset_stale");
  std::vector<std::string> sessions;
  s_->ended_sessions.reset();
  while (s_->ended_sessions.step()) sessions.push_back(s_->ended_sessions.column_text(0));
  s_->ended_sessions.reset();
  // Summed in memory and written once per row: the same sums as session
  // by session upserts, without 100 000s of statements.
  auto last = std::chrono::steady_clock::now();
  std::int64_t done = 0;
  for (const std::string& session_id : sessions) {
    add_session(session_id);
    ++done;
    if (progress && std::chrono::steady_clock::now() - last >= std::chrono::seconds(1)) {
      last = std::chrono::steady_clock::now();
      progress(done, static_cast<std::int64_t>(sessions.size()));
    }
  }
  flush();
  if (progress) progress(done, static_cast<std::int64_t>(sessions.size()));
}

}  // namespace litmus::store
