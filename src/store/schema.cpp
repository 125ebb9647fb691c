#include "store/schema.hpp"

#include <chrono>
#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

#include "store/asset_rollup.hpp"
#include "store/metric_rollup.hpp"
#include "store/run_projection.hpp"

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
  samples     BLOB    NOT NULL,           -- per encoding: float64 values or codes, little-endian
  encoding    TEXT    NOT NULL DEFAULT 'float64',  -- 'float64' | 'u8' | 'u16le' (schema 5)
  y_gain      REAL,                       -- codes: value = code * y_gain + y_offset (schema 5)
  y_offset    REAL,
  samples_file TEXT,                      -- large arrays: samples is empty, the bytes are in
  samples_crc  INTEGER,                   -- arrays/<samples_file>, CRC32C samples_crc (schema 7)
  PRIMARY KEY(channel_id, session_id, seq));
CREATE INDEX IF NOT EXISTS channel_arrays_ts ON channel_arrays(channel_id, ts);

CREATE TABLE IF NOT EXISTS runs(
  run_id            TEXT PRIMARY KEY,
  session_id        TEXT,
  started_ts        INTEGER,              -- ts of run.started
  ended_ts          INTEGER,              -- ts of run.ended; NULL while live
  outcome           TEXT,                 -- NULL while live (or run.ended named no valid outcome)
  reason            TEXT,
  synthetic_end     INTEGER NOT NULL DEFAULT 0,
  duration_ns       INTEGER,
  dut_serial        TEXT,
  dut_part_number   TEXT,
  dut_revision      TEXT,
  dut_lot_number    TEXT,
  product           TEXT,
  fixture           TEXT,
  station           TEXT,
  operator          TEXT,
  phase             TEXT,
  profile           TEXT,
  project           TEXT,
  program           TEXT,
  git_commit        TEXT,
  git_branch        TEXT,
  mocked            INTEGER NOT NULL DEFAULT 0,
  filter            TEXT,
  environment       TEXT,                 -- JSON object
  guardband_pct     REAL,
  counts            TEXT,                 -- JSON object of run.ended counts
  step_count        INTEGER NOT NULL DEFAULT 0,
  measurement_count INTEGER NOT NULL DEFAULT 0,
  hostname          TEXT);                -- the session's machine (schema 4)
CREATE INDEX IF NOT EXISTS runs_station ON runs(station, started_ts) WHERE station IS NOT NULL;

CREATE TABLE IF NOT EXISTS steps(
  run_id            TEXT    NOT NULL,
  step_path         TEXT    NOT NULL,
  vector_index      INTEGER NOT NULL,     -- 0 for a step without a sweep
  vector_retry      INTEGER NOT NULL,     -- attempt, 0 first
  session_id        TEXT,
  position          INTEGER,              -- order of the step in test.steps_discovered
  suite             TEXT,
  name              TEXT,
  file              TEXT,
  line              INTEGER,
  inputs            TEXT,                 -- JSON object
  status            TEXT    NOT NULL,     -- 'pending' | 'running' | 'ended' | 'never_ran'
  outcome           TEXT,                 -- NULL unless ended
  started_ts        INTEGER,
  ended_ts          INTEGER,
  duration_ns       INTEGER,
  retrying          INTEGER NOT NULL DEFAULT 0,
  error             TEXT,
  failures          TEXT,                 -- JSON array
  measurement_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(run_id, step_path, vector_index, vector_retry)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS measurements(
  session_id          TEXT    NOT NULL,
  seq                 INTEGER NOT NULL,   -- of the test.measurement event
  run_id              TEXT,
  step_path           TEXT,
  vector_index        INTEGER,
  vector_retry        INTEGER,
  ts                  INTEGER NOT NULL,
  name                TEXT,
  value               REAL,
  units               TEXT,
  outcome             TEXT,
  low                 REAL,
  high                REAL,
  nominal             REAL,
  comparator          TEXT,
  guardband_pct       REAL,
  limit_source        TEXT,
  characteristic_id   TEXT,
  spec_ref            TEXT,
  instrument_role     TEXT,
  instrument_resource TEXT,
  instrument_channel  TEXT,
  instrument_seq      INTEGER,
  repeated            INTEGER NOT NULL DEFAULT 0,
  dut_pin             TEXT,               -- from the fixture (schema 3)
  instrument_serial   TEXT,               -- identity of the instrument (schema 3)
  calibration_due     TEXT,               -- its calibration due date (schema 3)
  PRIMARY KEY(session_id, seq));
CREATE INDEX IF NOT EXISTS measurements_name_ts ON measurements(name, ts);
)sql";

// The metrics rollup (schema 5, store/metric_rollup.hpp): per UTC day of
// the run start (kNoDay for a run without one) and the run's filter keys,
// what the step and measurement lenses sum. Limits are key columns with a
// has_ flag: NULL would make every row distinct to the primary key.
constexpr const char* kMetricRollupSchema = R"sql(
CREATE TABLE IF NOT EXISTS metric_rollup_steps(
  day       INTEGER NOT NULL,            -- UTC midnight of the run start, ns
  phase     TEXT    NOT NULL,
  product   TEXT    NOT NULL,
  station   TEXT    NOT NULL,
  lot       TEXT    NOT NULL,            -- '' without one
  step_path TEXT    NOT NULL,
  attempts  INTEGER NOT NULL,            -- ended attempts
  failures  INTEGER NOT NULL,
  PRIMARY KEY(day, phase, product, station, lot, step_path)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS metric_rollup_measurements(
  day          INTEGER NOT NULL,
  phase        TEXT    NOT NULL,
  product      TEXT    NOT NULL,
  station      TEXT    NOT NULL,
  lot          TEXT    NOT NULL,
  step_path    TEXT    NOT NULL,          -- '' outside a step
  name         TEXT    NOT NULL,
  vector_index INTEGER NOT NULL,
  has_low      INTEGER NOT NULL,
  low          REAL    NOT NULL,          -- 0 unless has_low
  has_high     INTEGER NOT NULL,
  high         REAL    NOT NULL,
  units        TEXT    NOT NULL,          -- greatest of the judged values'
  total        INTEGER NOT NULL,          -- measurements
  failed       INTEGER NOT NULL,
  n            INTEGER NOT NULL,          -- judged values (Cpk), shifted by the limits' midpoint:
  runs         INTEGER NOT NULL,          --   subgroups
  sum          REAL    NOT NULL,          --   Σ (x − shift)
  sum_squares  REAL    NOT NULL,          --   Σ (x − shift)²
  within_ss    REAL    NOT NULL,          --   Σ over runs of Σ (x − run mean)²
  within_df    INTEGER NOT NULL,          --   Σ over runs of (values − 1)
  PRIMARY KEY(day, phase, product, station, lot, step_path, name, vector_index, has_low, low, has_high, high))
  WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS metric_rollup_runs(
  run_id TEXT    PRIMARY KEY,             -- in the rollup, once
  day    INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS metric_rollup_runs_day ON metric_rollup_runs(day);

CREATE TABLE IF NOT EXISTS metric_rollup_stale(
  day INTEGER PRIMARY KEY);               -- read raw until rebuilt

-- Schema 6: the assets rollup (store/asset_rollup.hpp). A connection is
-- in one day's row only when every whole-day window counts all of it.
CREATE TABLE IF NOT EXISTS metric_rollup_assets(
  day            INTEGER NOT NULL,        -- UTC midnight of the connection, ns
  phase          TEXT    NOT NULL,        -- the keys of its session's runs
  product        TEXT    NOT NULL,
  station        TEXT    NOT NULL,
  lot            TEXT    NOT NULL,
  role           TEXT    NOT NULL,
  resource       TEXT    NOT NULL,        -- '' without one
  sessions       INTEGER NOT NULL,        -- connections
  connected_ns   INTEGER NOT NULL,
  mocked         INTEGER NOT NULL,
  latest_ts      INTEGER NOT NULL,        -- the latest connection (ties: greatest session id)
  latest_session TEXT    NOT NULL,
  type           TEXT    NOT NULL,        -- of the latest connection
  PRIMARY KEY(day, phase, product, station, lot, role, resource)) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS metric_rollup_connections(
  session_id TEXT NOT NULL,               -- every connection of an ended session, once
  role       TEXT NOT NULL,
  day        INTEGER,                     -- its row's day; NULL: the lens reads it raw
  PRIMARY KEY(session_id, role)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS metric_rollup_connections_day ON metric_rollup_connections(day);

CREATE TABLE IF NOT EXISTS metric_rollup_asset_stale(
  day INTEGER PRIMARY KEY);

-- The assets lens's raw read: the live sessions, and whether a session
-- holds a run the filter picks.
CREATE INDEX IF NOT EXISTS sessions_live ON sessions(session_id) WHERE ended_ts IS NULL;
CREATE INDEX IF NOT EXISTS runs_session ON runs(session_id);
)sql";

// One index per sort of the runs list (RunSort, run_queries.cpp), each
// ending in the tie-breakers (started_ts, run_id) so the first page of
// 100 000 runs under any sort is an index walk of one page, not a sort.
// runs_live serves "ended_ts IS NULL" (in-flight runs, the running count).
// measurements_run is in the order a run's measurements are read (session,
// seq), so a 10 000-row page needs no sort. Created after the upgrade below:
// an older runs table gains hostname there, and older definitions go.
constexpr const char* kRunIndexes = R"sql(
CREATE INDEX IF NOT EXISTS runs_started      ON runs(started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_dut          ON runs(dut_serial, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_outcome      ON runs(outcome, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_part_number  ON runs(dut_part_number, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_hostname     ON runs(hostname, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_project      ON runs(project, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_phase        ON runs(phase, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_steps        ON runs(step_count, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_measurements ON runs(measurement_count, started_ts, run_id);
CREATE INDEX IF NOT EXISTS runs_live         ON runs(started_ts, run_id) WHERE ended_ts IS NULL;
CREATE INDEX IF NOT EXISTS measurements_run  ON measurements(run_id, session_id, seq) WHERE run_id IS NOT NULL;
)sql";

bool has_column(Database& db, const std::string& table, const std::string& column) {
  auto q = db.prepare("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
  q.bind(1, table).bind(2, column);
  return q.step();
}

// Schema 2 and 3 stores: runs gains hostname, filled from each run's
// session (else its environment, as run.started now does). runs_started
// and runs_dut change definition (they end in run_id now, and runs_dut
// covers runs without a serial so it can sort them), and measurements_run
// gains session_id: dropped here, recreated by kRunIndexes.
void upgrade_runs_to_4(Database& db) {
  if (!has_column(db, "runs", "hostname")) db.exec("ALTER TABLE runs ADD COLUMN hostname TEXT");
  db.exec(
      "UPDATE runs SET hostname = coalesce((SELECT s.hostname FROM sessions s WHERE s.session_id = runs.session_id), "
      "CASE WHEN json_valid(environment) THEN json_extract(environment, '$.hostname') END)");
  db.exec("DROP INDEX IF EXISTS runs_started; DROP INDEX IF EXISTS runs_dut; DROP INDEX IF EXISTS measurements_run");
}

// A backfill's progress on stderr: a 100 000-run store takes a while, so
// say so once a second has passed, then at each call (about once a second).
std::function<void(std::int64_t, std::int64_t)> progress_line(Database& db, const char* what, const char* units) {
  const auto start = std::chrono::steady_clock::now();
  return [&db, what, units, start, told = false](std::int64_t done, std::int64_t total) mutable {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds < 1 && !told) return;
    told = true;
    std::fprintf(stderr, "litmus: store %s: %s %lld/%lld %s (%.0f s)\n", db.path().string().c_str(), what,
                 static_cast<long long>(done), static_cast<long long>(total), units, seconds);
  };
}

// Schema 4 stores (and older ones, once their runs are projected): the
// rollup from every finished run, inside the upgrade's transaction.
void backfill_metric_rollup(Database& db) { MetricRollup(db).rebuild_all(progress_line(db, "metrics rollup", "runs")); }

// Schema 5 stores (and older): the assets rollup from every ended session.
void backfill_asset_rollup(Database& db) {
  AssetRollup(db).rebuild_all(progress_line(db, "assets rollup", "sessions"));
}

// Schema 4 stores: channel_arrays gains how its samples are encoded (old
// rows are float64) and the scaling of arrays kept as codes. Checked
// column by column, so it holds whatever else the same upgrade does.
void upgrade_channel_arrays_to_5(Database& db) {
  if (!has_column(db, "channel_arrays", "encoding")) {
    db.exec("ALTER TABLE channel_arrays ADD COLUMN encoding TEXT NOT NULL DEFAULT 'float64'");
  }
  if (!has_column(db, "channel_arrays", "y_gain")) db.exec("ALTER TABLE channel_arrays ADD COLUMN y_gain REAL");
  if (!has_column(db, "channel_arrays", "y_offset")) db.exec("ALTER TABLE channel_arrays ADD COLUMN y_offset REAL");
}

// Schema 6 stores: large arrays may live in files of their own
// (store/array_files.hpp); every older row keeps its bytes inline (NULL).
void upgrade_channel_arrays_to_7(Database& db) {
  if (!has_column(db, "channel_arrays", "samples_file")) {
    db.exec("ALTER TABLE channel_arrays ADD COLUMN samples_file TEXT");
  }
  if (!has_column(db, "channel_arrays", "samples_crc")) {
    db.exec("ALTER TABLE channel_arrays ADD COLUMN samples_crc INTEGER");
  }
}

}  // namespace

std::optional<int> schema_version(Database& db) {
  auto has_meta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
  if (!has_meta.step()) return std::nullopt;
  auto select = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!select.step()) return std::nullopt;
  const std::string text = select.column_text(0);
  try {
    return std::stoi(text);
  } catch (const std::logic_error&) {
    throw StoreError("store " + db.path().string() + " has an unreadable schema version '" + text + "'");
  }
}

void apply_schema(Database& db) {
  // WAL lets readers (litmus serve) run while test processes write.
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  Transaction tx(db);
  db.exec(kSchema);
  db.exec(kMetricRollupSchema);
  const std::optional<int> found = schema_version(db);
  if (found && *found > kSchemaVersion) {
    throw StoreError("store " + db.path().string() + " has schema version " + std::to_string(*found) +
                     ", newer than this Litmus understands (" + std::to_string(kSchemaVersion) + ")");
  }
  // On every open, not only below kSchemaVersion: each column is looked
  // for first, so a store already stamped 5 without them gets them too.
  upgrade_channel_arrays_to_5(db);
  upgrade_channel_arrays_to_7(db);
  if (found.value_or(0) < kSchemaVersion) {
    // Version 1 stored run.* and test.* events without projecting them;
    // the tables just created are filled from them. Inside this
    // transaction, so a concurrent opener sees either version 1 and waits,
    // or the current version with the tables full.
    if (found.value_or(0) < 2) project_stored_runs(db);
    // Version 2 stores have the measurements table without the columns
    // of version 3 (CREATE TABLE IF NOT EXISTS left it as it was). Their
    // events carry no pins, serials or due dates, so NULL is the truth.
    if (found && *found == 2) {
      for (const char* column : {"dut_pin", "instrument_serial", "calibration_due"}) {
        db.exec(std::string("ALTER TABLE measurements ADD COLUMN ") + column + " TEXT");
      }
    }
    if (found && *found >= 2 && *found < 4) upgrade_runs_to_4(db);
    // Version 5 adds the metrics rollup: filled from the finished runs.
    if (found.value_or(0) < 5) backfill_metric_rollup(db);
    if (found.value_or(0) < 6) backfill_asset_rollup(db);
    db.exec("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '" + std::to_string(kSchemaVersion) +
            "')");
  }
  db.exec(kRunIndexes);
  tx.commit();
}

}  // namespace litmus::store
