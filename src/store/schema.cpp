#include "store/schema.hpp"

#include <string>

namespace litmus::store {

namespace {
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS events(
  id           INTEGER PRIMARY KEY,      -- store-wide cursor, commit order
  session_id   TEXT    NOT NULL,
  seq          INTEGER NOT NULL,         -- per session, gap-free from 1
  run_id       TEXT,
  ts           INTEGER NOT NULL,         -- ns since epoch, UTC
  type         TEXT    NOT NULL,
  role         TEXT,
  step_path    TEXT,
  vector_index INTEGER,
  payload      TEXT    NOT NULL,         -- JSON object
  UNIQUE(session_id, seq));
CREATE INDEX IF NOT EXISTS events_ts      ON events(ts);
CREATE INDEX IF NOT EXISTS events_type_ts ON events(type, ts);
CREATE INDEX IF NOT EXISTS events_run     ON events(run_id) WHERE run_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_role    ON events(role, ts) WHERE role IS NOT NULL;

CREATE TABLE IF NOT EXISTS sessions(
  session_id     TEXT PRIMARY KEY,
  station        TEXT,
  hostname       TEXT,
  pid            INTEGER,
  operator       TEXT,
  client         TEXT,
  dut_serial     TEXT,
  mocked         INTEGER NOT NULL DEFAULT 0,
  started_ts     INTEGER,
  ended_ts       INTEGER,
  outcome        TEXT,                    -- NULL while live
  synthetic_end  INTEGER NOT NULL DEFAULT 0,
  event_count    INTEGER NOT NULL DEFAULT 0,
  last_seq       INTEGER NOT NULL DEFAULT 0,
  last_ts        INTEGER,
  journal_offset INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_ts);

CREATE TABLE IF NOT EXISTS instruments(
  session_id      TEXT NOT NULL,
  role            TEXT NOT NULL,
  type            TEXT,
  resource        TEXT,
  mocked          INTEGER NOT NULL DEFAULT 0,
  connected_ts    INTEGER,
  disconnected_ts INTEGER,
  PRIMARY KEY(session_id, role));

CREATE TABLE IF NOT EXISTS channels(
  channel_id      TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,          -- 'scalar' | 'array'
  role            TEXT,
  units           TEXT,
  count           INTEGER NOT NULL DEFAULT 0,
  first_ts        INTEGER,
  last_ts         INTEGER,
  last_value      REAL,
  last_session_id TEXT,
  last_seq        INTEGER);

CREATE TABLE IF NOT EXISTS channel_points(
  channel_id TEXT    NOT NULL,
  ts         INTEGER NOT NULL,
  session_id TEXT    NOT NULL,
  seq        INTEGER NOT NULL,
  value      REAL    NOT NULL,
  PRIMARY KEY(channel_id, ts, session_id, seq)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS channel_arrays(
  channel_id  TEXT    NOT NULL,
  session_id  TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  ts          INTEGER NOT NULL,
  length      INTEGER NOT NULL,
  x_origin    REAL    NOT NULL,
  x_increment REAL    NOT NULL,
  x_units     TEXT,
  y_units     TEXT,
  samples     BLOB    NOT NULL,           -- float64 little-endian
  PRIMARY KEY(channel_id, session_id, seq));
CREATE INDEX IF NOT EXISTS channel_arrays_ts ON channel_arrays(channel_id, ts);
)sql";
}  // namespace

void apply_schema(Database& db) {
  // WAL lets readers (litmus serve) run while test processes write.
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  Transaction tx(db);
  db.exec(kSchema);
  auto select = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (select.step()) {
    const std::string found = select.column_text(0);
    if (std::stoi(found) > kSchemaVersion) {
      throw StoreError("store " + db.path().string() + " has schema version " + found +
                       ", newer than this Litmus understands (" + std::to_string(kSchemaVersion) + ")");
    }
  } else {
    db.exec("INSERT INTO meta(key, value) VALUES('schema_version', '" + std::to_string(kSchemaVersion) + "')");
  }
  select = Statement();
  tx.commit();
}

}  // namespace litmus::store
