#pragma once
// EventStore: the SQLite file (<data_dir>/litmus.db) that holds every event
// plus the projections derived from them in the same transaction
// (sessions, instruments, channels, channel_points, channel_arrays; runs,
// steps, measurements by RunProjection).
// Schema: docs/data-model.md. Several processes may hold it open at once;
// writes are idempotent on (session_id, seq).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/journal_entry.hpp"
#include "litmus/event.hpp"
#include "store/id_prefix.hpp"
#include "store/run_rows.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::store {

struct SessionRow {
  std::string session_id;
  std::string station;
  std::string hostname;
  std::int64_t pid = 0;
  std::string operator_name;
  std::string client;
  std::string dut_serial;
  bool mocked = false;
  std::int64_t started_ts = 0;
  std::optional<std::int64_t> ended_ts;
  std::string outcome;         // empty while the session is live
  bool synthetic_end = false;  // closed by recovery, not by its process
  std::int64_t event_count = 0;
  std::int64_t last_seq = 0;
  std::int64_t last_ts = 0;
};

struct InstrumentRow {
  std::string session_id;
  std::string role;
  std::string type;
  std::string resource;
  bool mocked = false;
  std::int64_t connected_ts = 0;
  std::optional<std::int64_t> disconnected_ts;
};

// An event as stored: `id` is the store-wide insertion cursor (monotonic in
// commit order across all writers), used to resume live streams.
struct StoredEvent {
  std::int64_t id = 0;
  Event event;
};

struct EventQuery {
  std::string session_id;  // full id or a prefix of >= 8 characters; empty: all
  std::string type;        // exact type, or "prefix.*"; empty: all
  std::string role;
  std::optional<std::int64_t> since_ts;  // ns, inclusive
  std::optional<std::int64_t> after_id;  // cursor, exclusive; results oldest first
  int limit = 100;
  bool newest_first = false;  // ignored when after_id is set
};

struct ChannelRow {
  std::string channel_id;
  std::string kind;  // "scalar" or "array"
  std::string role;
  std::string units;
  std::int64_t count = 0;  // reads recorded
  std::int64_t first_ts = 0;
  std::int64_t last_ts = 0;
  std::optional<double> last_value;  // scalar channels
  std::string last_session_id;
  std::int64_t last_seq = 0;
};

void to_json(nlohmann::json& j, const SessionRow& row);
void to_json(nlohmann::json& j, const InstrumentRow& row);
void to_json(nlohmann::json& j, const StoredEvent& row);  // payload parsed back into JSON
// The same object as to_json, keys in the same order, written as text with
// the stored payload copied in: the events route and the live stream.
void append_json(std::string& out, const StoredEvent& row);

// A stored event's columns as views, valid while the row they came from is:
// the events route writes 10 000 of them without a string of their own.
struct StoredEventView {
  std::int64_t id = 0;
  std::string_view session_id;
  std::uint64_t seq = 0;
  std::string_view run_id;
  std::int64_t ts = 0;
  std::string_view type;
  std::string_view role;
  std::string_view step_path;
  std::int64_t vector_index = -1;
  std::string_view payload;
};
void append_json(std::string& out, const StoredEventView& row);
void to_json(nlohmann::json& j, const ChannelRow& row);

class EventStore {
 public:
  enum class Mode { read_write, read_only };

  // Opens (creating if needed, in read_write mode) <data_dir>/litmus.db.
  static std::unique_ptr<EventStore> open(const std::filesystem::path& data_dir, Mode mode = Mode::read_write);
  ~EventStore();

  const std::filesystem::path& path() const { return path_; }
  Database& db() { return *db_; }

  // --- writing -----------------------------------------------------------
  // Commits `entries` of one session in one transaction: events (ignoring
  // ones already stored) and their projections. `journal_offset` is the
  // journal position just past the last entry, remembered so recovery can
  // resume there. Retries while the database is busy; throws StoreError on
  // any other failure (nothing of the batch is then committed). Inside a
  // Transaction the caller holds, the batch commits with that one (a bulk
  // loader committing many sessions at once).
  void ingest(std::span<const JournalEntry> entries, std::uint64_t journal_offset);

  // --- reading -----------------------------------------------------------
  std::vector<SessionRow> sessions(int limit, int offset = 0);
  std::int64_t session_count();
  // Full id or unique prefix (>= 8 chars). Throws AmbiguousId.
  std::optional<SessionRow> session(std::string_view id_or_prefix);
  std::vector<InstrumentRow> instruments(std::string_view session_id);
  // Journal offset ingested for a session (0 when unknown).
  std::uint64_t journal_offset(std::string_view session_id);
  std::vector<StoredEvent> events(const EventQuery& query);
  // The same events, each handed to `on_event` as it is read.
  void for_each_event(const EventQuery& query, const std::function<void(const StoredEventView&)>& on_event);
  // The same events as JSON text, each as append_json writes it, separated
  // by commas (the inside of a JSON array), appended to `out` (after '[',
  // or out empty). A whole session's events (no type, role, since or
  // cursor) from `split_from` events up are read in two halves on two
  // threads, each on its own connection to one state of the store
  // (SharedSnapshot); `readers`, when given, is set to how many read.
  static constexpr int kSplitEventsFrom = 2000;
  void append_events_json(const EventQuery& query, std::string& out, int split_from = kSplitEventsFrom,
                          int* readers = nullptr);
  std::vector<ChannelRow> channels();
  std::optional<ChannelRow> channel(std::string_view channel_id);
  // Highest event id (0 when empty): where a new live stream starts.
  std::int64_t max_event_id();

  // --- runs (run_queries.cpp) ---------------------------------------------
  // Filtered, sorted (newest first by default) and paged by `query`.
  std::vector<RunRow> runs(const RunQuery& query);
  // Runs matching `query`'s filters (limit and offset ignored).
  std::int64_t run_count(const RunQuery& query);
  // Full id or unique prefix (>= 8 chars). Throws AmbiguousId.
  std::optional<RunRow> run(std::string_view id_or_prefix);
  // Every attempt of every vector of the run's steps, in discovery order
  // (position), then vector, then attempt. `run_id` is a full id.
  std::vector<StepRow> steps(std::string_view run_id);
  // The run's measurements in the order they were taken (seq), `limit`
  // (-1: all) from `offset`.
  std::vector<MeasurementRow> measurements(std::string_view run_id, std::int64_t offset = 0,
                                           std::int64_t limit = -1);

  // Counts by outcome of the runs matching `query`'s filters (sort and
  // paging ignored).
  RunStats run_stats(const RunQuery& query);

  // --- how far runs got (run_progress.cpp) --------------------------------
  // `run_id` is a full id.
  StepStats step_stats(std::string_view run_id);
  MeasurementStats measurement_stats(std::string_view run_id);
  // Runs without run.ended, newest first, with their progress.
  std::vector<ActiveRun> active_runs();

 private:
  EventStore(std::filesystem::path path, std::unique_ptr<Database> db);
  std::string resolve_session_id(std::string_view id_or_prefix);
  std::string resolve_run_id(std::string_view id_or_prefix);

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;  // prepared once, reused per batch
};

}  // namespace litmus::store
