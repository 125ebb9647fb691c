#pragma once
// The store's SQL schema (documented in docs/data-model.md).

#include <optional>

#include "store/sqlite_db.hpp"

namespace litmus::store {

// 1: events, sessions, instruments, channels. 2: + runs, steps, measurements.
// 3: + measurement traceability (dut_pin, instrument_serial, calibration_due).
// 4: + runs.hostname and one runs index per sort of the Results list.
// 5: + the metrics rollup (metric_rollup_*, store/metric_rollup.hpp).
//    + channel_arrays.encoding, y_gain, y_offset: arrays kept as codes.
// 6: + the assets rollup (metric_rollup_assets, _connections, _asset_stale,
//    store/asset_rollup.hpp), indexes sessions_live and runs_session.
// 7: + channel_arrays.samples_file, samples_crc: large arrays in files of
//    their own (store/array_files.hpp).
inline constexpr int kSchemaVersion = 7;

// Projection statements shared by EventStore::ingest and the store
// benchmark's raw-SQLite baseline, so both do the same SQL work.
namespace sql {
inline constexpr const char* kInsertChannelPoint =
    "INSERT OR IGNORE INTO channel_points(channel_id, ts, session_id, seq, value) VALUES(?1, ?2, ?3, ?4, ?5)";
// A scalar or array read: registers the channel or counts one more read,
// keeping the newest value (by ts) as last_value.
inline constexpr const char* kUpsertChannel =
    "INSERT INTO channels(channel_id, kind, role, units, count, first_ts, last_ts, last_value, "
    "last_session_id, last_seq) VALUES(?1, ?2, ?3, ?4, 1, ?5, ?5, ?6, ?7, ?8) "
    "ON CONFLICT(channel_id) DO UPDATE SET count = count + 1, "
    "first_ts = min(first_ts, excluded.first_ts), "
    "last_value = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_value ELSE last_value END, "
    "last_session_id = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_session_id "
    "ELSE last_session_id END, "
    "last_seq = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last_seq ELSE last_seq END, "
    "units = coalesce(excluded.units, units), "
    "last_ts = max(last_ts, excluded.last_ts)";
}  // namespace sql

// Creates missing tables and indexes and upgrades an older store (filling
// new projections from the events it holds); safe to run from several
// processes at once. Throws StoreError when the file holds a newer schema.
void apply_schema(Database& db);

// The version recorded in `meta`; nullopt for a file without one (new or
// empty).
std::optional<int> schema_version(Database& db);

}  // namespace litmus::store
