#include "store/event_store.hpp"

#include <chrono>
#include <thread>

#include "core/crc32c.hpp"
#include "core/data_dir.hpp"
#include "core/json_text.hpp"
#include "store/array_files.hpp"
#include "store/asset_rollup.hpp"
#include "store/channel_store.hpp"
#include "store/event_select.hpp"
#include "store/json_fields.hpp"
#include "store/run_projection.hpp"
#include "store/row_reading.hpp"
#include "store/schema.hpp"

namespace litmus::store {

using nlohmann::json;
using namespace fields;

// Statements used for every ingested batch, prepared once per connection.
struct EventStore::Statements {
  Statement insert_event;
  Statement ensure_session;
  Statement session_started;
  Statement session_ended;
  Statement session_progress;
  Statement instrument_connected;
  Statement instrument_disconnected;
  Statement insert_point;
  Statement upsert_channel;
  Statement insert_array;
  RunProjection runs;
  AssetRollup assets;
  ArrayFiles arrays;

  Statements(Database& db, const std::filesystem::path& data_dir)
      : insert_event(db.prepare(
            "INSERT OR IGNORE INTO events(session_id, seq, run_id, ts, type, role, step_path, vector_index, payload) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")),
        ensure_session(db.prepare("INSERT OR IGNORE INTO sessions(session_id) VALUES(?1)")),
        session_started(db.prepare(
            "UPDATE sessions SET station = ?2, hostname = ?3, pid = ?4, operator = ?5, client = ?6, "
            "dut_serial = ?7, mocked = ?8, started_ts = ?9 WHERE session_id = ?1")),
        session_ended(db.prepare(
            "UPDATE sessions SET ended_ts = ?2, outcome = ?3, synthetic_end = ?4 WHERE session_id = ?1")),
        session_progress(db.prepare(
            "UPDATE sessions SET event_count = event_count + ?2, last_seq = max(last_seq, ?3), "
            "last_ts = max(coalesce(last_ts, 0), ?4), journal_offset = max(journal_offset, ?5) "
            "WHERE session_id = ?1")),
        instrument_connected(db.prepare(
            "INSERT OR REPLACE INTO instruments(session_id, role, type, resource, mocked, connected_ts) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6)")),
        instrument_disconnected(db.prepare(
            "UPDATE instruments SET disconnected_ts = ?3 WHERE session_id = ?1 AND role = ?2")),
        insert_point(db.prepare(sql::kInsertChannelPoint)),
        upsert_channel(db.prepare(sql::kUpsertChannel)),
        insert_array(db.prepare(
            "INSERT OR IGNORE INTO channel_arrays(channel_id, session_id, seq, ts, length, x_origin, x_increment, "
            "x_units, y_units, samples, encoding, y_gain, y_offset, samples_file, samples_crc) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")),
        runs(db),
        assets(db),
        arrays(data_dir) {}
};

namespace {

bool is_projected(const std::string& type) {
  return type.starts_with("session.") || type.starts_with("instrument.") || RunProjection::handles(type);
}

// The events that change what the assets rollup sums of a session: its
// end, its connections, its runs' keys and outcomes.
bool changes_assets(const std::string& type) {
  return type == event_type::session_started || type == event_type::session_ended ||
         type == event_type::instrument_connected || type == event_type::instrument_disconnected ||
         type == event_type::run_started || type == event_type::run_ended;
}

}  // namespace

std::unique_ptr<EventStore> EventStore::open(const std::filesystem::path& data_dir, Mode mode) {
  const auto path = store_path(data_dir);
  if (mode == Mode::read_write) ensure_data_dir(data_dir);
  std::unique_ptr<Database> db;
  if (mode == Mode::read_only && !std::filesystem::exists(path)) {
    throw StoreError("store " + path.string() + " does not exist");
  }
  db = std::make_unique<Database>(path, mode == Mode::read_only);
  if (mode == Mode::read_write) {
    // Several processes may create the schema at the same moment; the
    // loser of the race waits for the winner's lock.
    for (int attempt = 0;; ++attempt) {
      try {
        apply_schema(*db);
        break;
      } catch (const BusyError&) {
        if (attempt >= 50) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
  return std::unique_ptr<EventStore>(new EventStore(path, std::move(db)));
}

EventStore::EventStore(std::filesystem::path path, std::unique_ptr<Database> db)
    : path_(std::move(path)), db_(std::move(db)) {}

EventStore::~EventStore() = default;

void EventStore::ingest(std::span<const JournalEntry> entries, std::uint64_t journal_offset) {
  if (entries.empty()) return;
  if (!stmts_) stmts_ = std::make_unique<Statements>(*db_, path_.parent_path());
  Statements& s = *stmts_;
  const std::string& session_id = entries.front().event.session_id;

  Transaction tx(*db_);
  s.ensure_session.reset();
  s.ensure_session.bind(1, session_id).step();

  std::int64_t inserted = 0;
  std::int64_t max_seq = 0;
  std::int64_t max_ts = 0;
  for (const JournalEntry& entry : entries) {
    const Event& e = entry.event;
    Statement& insert = s.insert_event;
    insert.reset();
    insert.bind(1, e.session_id)
        .bind(2, static_cast<std::int64_t>(e.seq))
        .bind_text_or_null(3, e.run_id)
        .bind(4, e.ts)
        .bind(5, e.type)
        .bind_text_or_null(6, e.role)
        .bind_text_or_null(7, e.step_path);
    if (e.vector_index >= 0) {
      insert.bind(8, static_cast<std::int64_t>(e.vector_index));
    } else {
      insert.bind_null(8);
    }
    // Every stored payload is one JSON object on one line, so readers copy
    // it into their answers and SSE data lines as text (append_json).
    // Anything else — emit_json given bad or pretty-printed text, a foreign
    // writer — is kept, wrapped or compacted, never dropped.
    if (!is_json_object_text(e.payload)) {
      insert.bind(9, json{{"_raw", e.payload}}.dump(-1, ' ', false, json::error_handler_t::replace));
    } else if (e.payload.find_first_of("\r\n") != std::string::npos) {
      insert.bind(9, json::parse(e.payload).dump(-1, ' ', false, json::error_handler_t::replace));
    } else {
      insert.bind(9, e.payload);
    }
    insert.step();
    if (db_->changes() == 0) continue;  // already stored: replay is idempotent
    ++inserted;
    max_seq = std::max(max_seq, static_cast<std::int64_t>(e.seq));
    max_ts = std::max(max_ts, e.ts);
    if (!is_projected(e.type)) continue;

    const json payload = parse_object(e.payload);
    if (RunProjection::handles(e.type)) {
      s.runs.apply(e, payload);  // projects what it can of a malformed payload too
      if (changes_assets(e.type)) s.assets.session_changed(session_id);
      continue;
    }
    if (payload.is_null()) continue;
    if (e.type == event_type::session_started) {
      s.session_started.reset();
      s.session_started.bind(1, session_id)
          .bind_text_or_null(2, string_field(payload, "station"))
          .bind_text_or_null(3, string_field(payload, "hostname"))
          .bind(4, int_field(payload, "pid"))
          .bind_text_or_null(5, string_field(payload, "operator"))
          .bind_text_or_null(6, string_field(payload, "client"))
          .bind_text_or_null(7, string_field(payload, "dut_serial"))
          .bind(8, static_cast<std::int64_t>(bool_field(payload, "mocked")))
          .bind(9, e.ts)
          .step();
    } else if (e.type == event_type::session_ended) {
      s.session_ended.reset();
      s.session_ended.bind(1, session_id)
          .bind(2, e.ts)
          .bind(3, string_field(payload, "outcome"))
          .bind(4, static_cast<std::int64_t>(bool_field(payload, "synthetic")))
          .step();
    } else if (e.type == event_type::instrument_connected) {
      s.instrument_connected.reset();
      s.instrument_connected.bind(1, session_id)
          .bind(2, e.role)
          .bind_text_or_null(3, string_field(payload, "type"))
          .bind_text_or_null(4, string_field(payload, "resource"))
          .bind(5, static_cast<std::int64_t>(bool_field(payload, "mocked")))
          .bind(6, e.ts)
          .step();
    } else if (e.type == event_type::instrument_disconnected) {
      s.instrument_disconnected.reset();
      s.instrument_disconnected.bind(1, session_id).bind(2, e.role).bind(3, e.ts).step();
    } else if (e.type == event_type::instrument_read) {
      const std::string channel = string_field(payload, "channel");
      if (channel.empty()) continue;
      auto value = payload.find("value");
      const bool scalar = value != payload.end() && value->is_number();
      const bool array = entry.samples.has_value() && entry.samples->channel == channel;
      if (!scalar && !array) continue;  // an errored read: the event says why
      std::string units = string_field(payload, scalar ? "units" : "y_units");
      s.upsert_channel.reset();
      s.upsert_channel.bind(1, channel)
          .bind(2, std::string_view(scalar ? "scalar" : "array"))
          .bind_text_or_null(3, e.role)
          .bind_text_or_null(4, units)
          .bind(5, e.ts);
      if (scalar) {
        s.upsert_channel.bind(6, value->get<double>());
      } else {
        s.upsert_channel.bind_null(6);
      }
      s.upsert_channel.bind(7, session_id).bind(8, static_cast<std::int64_t>(e.seq)).step();
      if (scalar) {
        s.insert_point.reset();
        s.insert_point.bind(1, channel)
            .bind(2, e.ts)
            .bind(3, session_id)
            .bind(4, static_cast<std::int64_t>(e.seq))
            .bind(5, value->get<double>())
            .step();
      } else {
        // An array kept as codes is stored as codes with their scaling
        // (ChannelStore expands them on read); float64 as the doubles.
        const SampleBlock& block = *entry.samples;
        s.insert_array.reset();
        s.insert_array.bind(1, channel)
            .bind(2, session_id)
            .bind(3, static_cast<std::int64_t>(e.seq))
            .bind(4, e.ts)
            .bind(5, static_cast<std::int64_t>(block.size()))
            .bind(6, number_field(payload, "x_origin", 0.0))
            .bind(7, number_field(payload, "x_increment", 1.0))
            .bind_text_or_null(8, string_field(payload, "x_units"))
            .bind_text_or_null(9, units);
        const std::string_view bytes =
            block.codes ? std::string_view(block.codes->bytes)
                        : std::string_view(reinterpret_cast<const char*>(block.samples.data()),
                                           block.samples.size() * sizeof(double));
        std::optional<std::string> file;
        if (bytes.size() >= kArrayFileFromBytes) file = ArrayFiles::name_for(session_id, e.seq);
        if (file) {
          s.arrays.write(*file, bytes);  // durable before this row commits
          s.insert_array.bind_blob(10, bytes.data(), 0)
              .bind(14, *file)
              .bind(15, static_cast<std::int64_t>(crc32c::value(bytes.data(), bytes.size())));
        } else {
          s.insert_array.bind_blob(10, bytes.data(), bytes.size()).bind_null(14).bind_null(15);
        }
        if (block.codes) {
          s.insert_array.bind(11, encoding_name(block.codes->encoding))
              .bind(12, block.codes->scaling.gain)
              .bind(13, block.codes->scaling.offset);
        } else {
          s.insert_array.bind(11, encoding_name(SampleEncoding::float64)).bind_null(12).bind_null(13);
        }
        s.insert_array.step();
      }
    }
    if (changes_assets(e.type)) s.assets.session_changed(session_id);
  }
  s.session_progress.reset();
  s.session_progress.bind(1, session_id)
      .bind(2, inserted)
      .bind(3, max_seq)
      .bind(4, max_ts)
      .bind(5, static_cast<std::int64_t>(journal_offset))
      .step();
  tx.commit();
}

// --- reading -------------------------------------------------------------

namespace {

constexpr const char* kSessionColumns =
    "session_id, station, hostname, pid, operator, client, dut_serial, mocked, started_ts, ended_ts, outcome, "
    "synthetic_end, event_count, last_seq, last_ts";

SessionRow read_session(const Statement& q) {
  SessionRow row;
  row.session_id = q.column_text(0);
  row.station = q.column_text(1);
  row.hostname = q.column_text(2);
  row.pid = q.column_int(3);
  row.operator_name = q.column_text(4);
  row.client = q.column_text(5);
  row.dut_serial = q.column_text(6);
  row.mocked = q.column_int(7) != 0;
  row.started_ts = q.column_int(8);
  row.ended_ts = q.column_optional_int(9);
  row.outcome = q.column_text(10);
  row.synthetic_end = q.column_int(11) != 0;
  row.event_count = q.column_int(12);
  row.last_seq = q.column_int(13);
  row.last_ts = q.column_int(14);
  return row;
}

constexpr const char* kChannelColumns =
    "channel_id, kind, role, units, count, first_ts, last_ts, last_value, last_session_id, last_seq";

ChannelRow read_channel(const Statement& q) {
  ChannelRow row;
  row.channel_id = q.column_text(0);
  row.kind = q.column_text(1);
  row.role = q.column_text(2);
  row.units = q.column_text(3);
  row.count = q.column_int(4);
  row.first_ts = q.column_int(5);
  row.last_ts = q.column_int(6);
  row.last_value = q.column_optional_double(7);
  row.last_session_id = q.column_text(8);
  row.last_seq = q.column_int(9);
  return row;
}

}  // namespace

std::vector<SessionRow> EventStore::sessions(int limit, int offset) {
  auto q = db_->prepare(std::string("SELECT ") + kSessionColumns +
                        " FROM sessions ORDER BY coalesce(started_ts, last_ts) DESC, session_id LIMIT ?1 OFFSET ?2");
  q.bind(1, static_cast<std::int64_t>(limit)).bind(2, static_cast<std::int64_t>(offset));
  std::vector<SessionRow> rows;
  while (q.step()) rows.push_back(read_session(q));
  return rows;
}

std::int64_t EventStore::session_count() {
  auto q = db_->prepare("SELECT count(*) FROM sessions");
  return q.step() ? q.column_int(0) : 0;
}

std::string EventStore::resolve_session_id(std::string_view id_or_prefix) {
  return resolve_id_prefix(*db_, "sessions", "session_id", id_or_prefix, "session");
}

std::optional<SessionRow> EventStore::session(std::string_view id_or_prefix) {
  const std::string id = resolve_session_id(id_or_prefix);
  if (id.empty()) return std::nullopt;
  auto q = db_->prepare(std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE session_id = ?1");
  q.bind(1, id);
  return read_first(q, read_session);
}

std::vector<InstrumentRow> EventStore::instruments(std::string_view session_id) {
  auto q = db_->prepare(
      "SELECT session_id, role, type, resource, mocked, connected_ts, disconnected_ts FROM instruments "
      "WHERE session_id = ?1 ORDER BY connected_ts, role");
  q.bind(1, session_id);
  std::vector<InstrumentRow> rows;
  while (q.step()) {
    InstrumentRow row;
    row.session_id = q.column_text(0);
    row.role = q.column_text(1);
    row.type = q.column_text(2);
    row.resource = q.column_text(3);
    row.mocked = q.column_int(4) != 0;
    row.connected_ts = q.column_int(5);
    row.disconnected_ts = q.column_optional_int(6);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::uint64_t EventStore::journal_offset(std::string_view session_id) {
  auto q = db_->prepare("SELECT journal_offset FROM sessions WHERE session_id = ?1");
  q.bind(1, session_id);
  return q.step() ? static_cast<std::uint64_t>(q.column_int(0)) : 0;
}

std::vector<StoredEvent> EventStore::events(const EventQuery& query) {
  std::vector<StoredEvent> rows;
  for_each_event(query, [&rows](const StoredEventView& v) {
    Event e;
    e.session_id = v.session_id;
    e.seq = v.seq;
    e.run_id = v.run_id;
    e.ts = v.ts;
    e.type = v.type;
    e.role = v.role;
    e.step_path = v.step_path;
    e.vector_index = static_cast<std::int32_t>(v.vector_index);
    e.payload = v.payload;
    rows.push_back(StoredEvent{v.id, std::move(e)});
  });
  return rows;
}

void EventStore::for_each_event(const EventQuery& query,
                                const std::function<void(const StoredEventView&)>& on_event) {
  std::string session_id;
  if (!query.session_id.empty()) {
    session_id = resolve_session_id(query.session_id);
    if (session_id.empty()) return;
  }
  read_events(*db_, query, session_id, {}, on_event);
}

std::vector<ChannelRow> EventStore::channels() {
  auto q = db_->prepare(std::string("SELECT ") + kChannelColumns + " FROM channels ORDER BY channel_id");
  std::vector<ChannelRow> rows;
  while (q.step()) rows.push_back(read_channel(q));
  return rows;
}

std::optional<ChannelRow> EventStore::channel(std::string_view channel_id) {
  auto q = db_->prepare(std::string("SELECT ") + kChannelColumns + " FROM channels WHERE channel_id = ?1");
  q.bind(1, channel_id);
  if (!q.step()) return std::nullopt;
  return read_channel(q);
}

std::int64_t EventStore::max_event_id() {
  auto q = db_->prepare("SELECT coalesce(max(id), 0) FROM events");
  return q.step() ? q.column_int(0) : 0;
}

// --- JSON ----------------------------------------------------------------

namespace {
json optional_int(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }
}  // namespace

void to_json(json& j, const SessionRow& r) {
  j = json{{"session_id", r.session_id},
           {"station", r.station},
           {"hostname", r.hostname},
           {"pid", r.pid},
           {"operator", r.operator_name},
           {"client", r.client},
           {"dut_serial", r.dut_serial},
           {"mocked", r.mocked},
           {"started_ts", r.started_ts},
           {"ended_ts", optional_int(r.ended_ts)},
           {"outcome", r.outcome},
           {"synthetic_end", r.synthetic_end},
           {"event_count", r.event_count},
           {"last_seq", r.last_seq},
           {"last_ts", r.last_ts}};
}

void to_json(json& j, const InstrumentRow& r) {
  j = json{{"session_id", r.session_id},   {"role", r.role},
           {"type", r.type},               {"resource", r.resource},
           {"mocked", r.mocked},           {"connected_ts", r.connected_ts},
           {"disconnected_ts", optional_int(r.disconnected_ts)}};
}

void append_json(std::string& out, const StoredEventView& e) {
  json_text::Object o(out);
  o.integer("id", e.id);
  o.raw("payload", e.payload);  // a JSON object: ingest sees to it
  o.string("role", e.role);
  o.string("run_id", e.run_id);
  o.unsigned_integer("seq", e.seq);
  o.string("session_id", e.session_id);
  o.string("step_path", e.step_path);
  o.integer("ts", e.ts);
  o.string("type", e.type);
  o.integer("vector_index", e.vector_index);
  o.close();
}

void append_json(std::string& out, const StoredEvent& r) {
  const Event& e = r.event;
  append_json(out, StoredEventView{r.id, e.session_id, e.seq, e.run_id, e.ts, e.type, e.role, e.step_path,
                                   e.vector_index, e.payload});
}

void to_json(json& j, const StoredEvent& r) {
  const Event& e = r.event;
  json payload = json::parse(e.payload, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded()) payload = json{{"_raw", e.payload}};  // show what was stored, never fail
  j = json{{"id", r.id},
           {"session_id", e.session_id},
           {"seq", e.seq},
           {"run_id", e.run_id},
           {"ts", e.ts},
           {"type", e.type},
           {"role", e.role},
           {"step_path", e.step_path},
           {"vector_index", e.vector_index},
           {"payload", std::move(payload)}};
}

void to_json(json& j, const ChannelRow& r) {
  j = json{{"channel_id", r.channel_id},
           {"kind", r.kind},
           {"role", r.role},
           {"units", r.units},
           {"count", r.count},
           {"first_ts", r.first_ts},
           {"last_ts", r.last_ts},
           {"last_value", r.last_value ? json(*r.last_value) : json(nullptr)},
           {"last_session_id", r.last_session_id},
           {"last_seq", r.last_seq}};
}

}  // namespace litmus::store
