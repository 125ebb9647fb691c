#pragma once
// The assets rollup: instrument connections summed per UTC day and per
// the filter keys of their session's runs, so the Assets lens reads a few
// thousand rollup rows instead of every connection in the store
// (bench/BENCHMARKS.md §10).
//
// A connection is summed into day D only when that is exact for every
// window made of whole days: it lies inside D (connected at or after D's
// midnight, ended after it and by the next one), its session has ended
// (so an open connection's end, the session's, is known) and every
// finished run of its session has the same keys (phase, product, station,
// lot) — the lens picks a session by any of its runs. Any other connection
// is read raw by the lens, as are the partial first and last day of a
// since/until cut and the days made stale by a late event.
//
// Tables (schema 6, schema.cpp):
//   metric_rollup_assets        per day, keys, role, resource: sessions,
//                               connected ns, mocked, the latest connection
//   metric_rollup_connections   every connection of an ended session, once:
//                               its day, or NULL when the lens reads it raw
//   metric_rollup_asset_stale   days whose rows no longer match the raw rows
//
// Live sessions are in none of them; the lens finds them by
// sessions.ended_ts IS NULL (index sessions_live).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "store/metric_rollup.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::store {

// One row of `instruments` with the end it is counted to.
struct Connection {
  std::string session_id;
  std::string role;
  std::string resource;  // '' without one
  std::string type;      // '' without one
  bool mocked = false;
  std::int64_t connected_ts = 0;
  // disconnected_ts, else the session's end; nullopt while both are open
  // (then it ends at the window's end).
  std::optional<std::int64_t> until;
};

// What a set of connections of one (role, resource) adds up to. Additive:
// the sums of any set of days are those of the merged rows.
struct AssetSums {
  std::int64_t sessions = 0;  // connections (one per session and role)
  std::int64_t connected_ns = 0;
  bool mocked = false;
  // The latest connection — greatest connected_ts, ties by session id —
  // names the type shown (and the identity the lens looks up).
  std::int64_t latest_ts = 0;
  std::string latest_session;
  std::string type;

  // Adds `c` clipped to [start, end) as the lens counts it: a connection
  // starting at or after `end`, or ending at or before `start`, adds
  // nothing (false).
  bool add(const Connection& c, std::int64_t start, std::int64_t end);
  void add(const AssetSums& other);
};

// The UTC day `c` is summed in when it lies inside one (see above).
std::optional<std::int64_t> connection_day(const Connection& c);

// Reads connections and their sessions' run keys; statements prepared once.
class ConnectionReader {
 public:
  explicit ConnectionReader(Database& db);
  ~ConnectionReader();
  ConnectionReader(const ConnectionReader&) = delete;
  ConnectionReader& operator=(const ConnectionReader&) = delete;

  // The session's connections that were connected (connected_ts set).
  std::vector<Connection> of_session(const std::string& session_id);
  // One connection; false when there is no such connected row.
  bool read(const std::string& session_id, const std::string& role, Connection& out);
  // The distinct keys of the session's finished runs (day left kNoDay).
  std::vector<RunGroup> run_keys(const std::string& session_id);
  // The session has ended.
  bool ended(const std::string& session_id);

 private:
  struct Statements;
  std::unique_ptr<Statements> s_;
};

// The writer: EventStore calls session_changed for every session,
// instrument and run start/end event; the schema upgrade rebuilds.
class AssetRollup {
 public:
  explicit AssetRollup(Database& db);
  ~AssetRollup();
  AssetRollup(const AssetRollup&) = delete;
  AssetRollup& operator=(const AssetRollup&) = delete;

  // An event of `session_id` was projected. A live session is left to the
  // lens's raw read; an ended one has its connections (re-)entered: any it
  // had in are taken out (their days rebuilt), so a late event never
  // counts a connection twice.
  void session_changed(const std::string& session_id);
  // Empties the assets rollup and fills it from every ended session (the
  // upgrade to schema 6). `progress` is called about once a second.
  void rebuild_all(const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

 private:
  struct Statements;
  // day, phase, product, station, lot, role, resource
  using RowKey = std::tuple<std::int64_t, std::string, std::string, std::string, std::string, std::string, std::string>;
  // Classifies and marks the session's connections, summing the rollable
  // ones into pending_.
  void add_session(const std::string& session_id);
  // Re-sums the stale days from their marked connections.
  void rebuild_stale_days();
  void flush();

  Database& db_;
  ConnectionReader reader_;
  std::map<RowKey, AssetSums> pending_;  // summed, not yet written
  std::unique_ptr<Statements> s_;
};

}  // namespace litmus::store
