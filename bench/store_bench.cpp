// EventStore::ingest against a raw SQLite prepared bulk insert of the same
// rows, in the same run.
//
//   litmus_bench_store [google-benchmark flags]
//
// Both sides commit batches of 4096 instrument.read events (realistic ~100 B
// payloads), one transaction per batch, WAL, synchronous=NORMAL, into a file
// under $TMPDIR (or /tmp):
//   BM_EventStore_ingest   EventStore::ingest: events + projections
//                          (channels upsert, channel_points insert,
//                          sessions progress) — what the store writer does
//   BM_RawSqlite_insert    sqlite3 prepared INSERT of the same rows into an
//                          `events` table created from the very DDL
//                          (table + indexes) EventStore made
//   BM_RawSqlite_insert_projected  diagnosis: raw inserts plus the same
//                          channel projection SQL, value known up front
//                          (EventStore minus JSON parsing and wrappers)
// Both run a fixed number of batches so their tables end the same size.
// After the run the ratio of the two rates is printed.

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/journal_entry.hpp"
#include "recording_reporter.hpp"
#include "store/event_store.hpp"
#include "store/schema.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

constexpr std::size_t kBatch = 4096;
constexpr int kBatches = 60;  // 245,760 rows per side

const std::string kSession = "0b6e1f2a-7c3d-4a59-8e10-2f3a4b5c6d7e";
const std::string kRun = "6f1c2a9e-3b7d-4e58-9a21-0c4d5e6f7a8b";

constexpr std::size_t kRing = 1024;

// The value read_payload(i) carries, for the raw projection variant.
double payload_value(std::uint64_t i) {
  static const std::vector<double> values = [] {
    std::vector<double> ring;
    for (std::uint64_t k = 0; k < kRing; ++k)
      ring.push_back(nlohmann::json::parse(read_payload(k))["value"].get<double>());
    return ring;
  }();
  return values[i % kRing];
}

std::vector<JournalEntry> make_batch(std::uint64_t first_seq) {
  static const std::vector<std::string> payloads = [] {
    std::vector<std::string> ring;
    for (std::uint64_t i = 0; i < kRing; ++i) ring.push_back(read_payload(i));
    return ring;
  }();
  std::vector<JournalEntry> batch(kBatch);
  std::int64_t ts = realtime_ns();
  for (std::size_t i = 0; i < kBatch; ++i) {
    Event& e = batch[i].event;
    e.session_id = kSession;
    e.seq = first_seq + i;
    e.run_id = kRun;
    e.ts = ts + static_cast<std::int64_t>(i) * 50'000;
    e.type = event_type::instrument_read;
    e.role = "dmm";
    e.step_path = "PowerRail.Nominal";
    e.payload = payloads[e.seq % kRing];
  }
  return batch;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const std::string& sql) {
  check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, sql.c_str());
}

// DDL of the tables `where` selects and their indexes, exactly as EventStore
// created them.
std::vector<std::string> store_ddl(sqlite3* store_db, const std::string& where) {
  sqlite3_stmt* q = nullptr;
  const std::string sql =
      "SELECT sql FROM sqlite_master WHERE (" + where + ") AND sql IS NOT NULL ORDER BY type = 'index', name";
  check(sqlite3_prepare_v2(store_db, sql.c_str(), -1, &q, nullptr), store_db, "read schema");
  std::vector<std::string> ddl;
  while (sqlite3_step(q) == SQLITE_ROW) ddl.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
  sqlite3_finalize(q);
  return ddl;
}

void BM_EventStore_ingest(benchmark::State& state) {
  TempDir dir;
  auto store = store::EventStore::open(dir.path());
  std::uint64_t seq = 1;
  std::uint64_t offset = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto batch = make_batch(seq);
    seq += kBatch;
    offset += kBatch * 180;
    state.ResumeTiming();
    store->ingest(batch, offset);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBatch));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kBatch), benchmark::Counter::kIsRate);
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, sql);
  return stmt;
}

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// Raw sqlite3 inserts of the same rows. `projected` (diagnosis only) also
// runs the channel projection statements EventStore runs for a scalar read
// (channels upsert + channel_points insert, same SQL), with the value known
// up front instead of parsed from the payload: store minus JSON and wrapper.
// `projected` is a bit mask: 1 = channels upsert, 2 = channel_points insert.
void raw_insert(benchmark::State& state, int projected) {
  TempDir dir;
  std::vector<std::string> ddl;
  {
    TempDir schema_dir;
    auto store = store::EventStore::open(schema_dir.path());
    ddl = store_ddl(store->db().handle(),
                    projected ? "tbl_name IN ('events', 'channels', 'channel_points')" : "tbl_name = 'events'");
  }
  sqlite3* db = nullptr;
  // NOMUTEX as the store opens its own (store/sqlite_db.cpp): the same SQLite
  // either side, so the difference is the store's own work.
  check(sqlite3_open_v2((dir.path() / "raw.db").c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr),
        db,
        "open");
  exec(db, "PRAGMA journal_mode=WAL");
  exec(db, "PRAGMA synchronous=NORMAL");
  for (const auto& sql : ddl) exec(db, sql);
  sqlite3_stmt* insert = prepare(db,
                                 "INSERT INTO events(session_id, seq, run_id, ts, type, role, step_path, vector_index, "
                                 "payload) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  sqlite3_stmt* upsert = nullptr;
  sqlite3_stmt* point = nullptr;
  if (projected) {
    // The very SQL EventStore::ingest runs, so both sides do the same work.
    upsert = prepare(db, store::sql::kUpsertChannel);
    point = prepare(db, store::sql::kInsertChannelPoint);
  }
  const std::string channel = "dmm.voltage_dc";
  const std::string scalar = "scalar";
  const std::string units = "V";
  std::uint64_t seq = 1;
  for (auto _ : state) {
    state.PauseTiming();
    auto batch = make_batch(seq);
    seq += kBatch;
    state.ResumeTiming();
    exec(db, "BEGIN IMMEDIATE");
    for (const JournalEntry& entry : batch) {
      const Event& e = entry.event;
      bind_text(insert, 1, e.session_id);
      sqlite3_bind_int64(insert, 2, static_cast<sqlite3_int64>(e.seq));
      bind_text(insert, 3, e.run_id);
      sqlite3_bind_int64(insert, 4, e.ts);
      bind_text(insert, 5, e.type);
      bind_text(insert, 6, e.role);
      bind_text(insert, 7, e.step_path);
      sqlite3_bind_null(insert, 8);
      bind_text(insert, 9, e.payload);
      check(sqlite3_step(insert), db, "insert");
      sqlite3_reset(insert);
      if (!projected) continue;
      const double value = payload_value(e.seq);
      if (projected & 1) {
        bind_text(upsert, 1, channel);
        bind_text(upsert, 2, scalar);
        bind_text(upsert, 3, e.role);
        bind_text(upsert, 4, units);
        sqlite3_bind_int64(upsert, 5, e.ts);
        sqlite3_bind_double(upsert, 6, value);
        bind_text(upsert, 7, e.session_id);
        sqlite3_bind_int64(upsert, 8, static_cast<sqlite3_int64>(e.seq));
        check(sqlite3_step(upsert), db, "upsert channel");
        sqlite3_reset(upsert);
      }
      if (projected & 2) {
        bind_text(point, 1, channel);
        sqlite3_bind_int64(point, 2, e.ts);
        bind_text(point, 3, e.session_id);
        sqlite3_bind_int64(point, 4, static_cast<sqlite3_int64>(e.seq));
        sqlite3_bind_double(point, 5, value);
        check(sqlite3_step(point), db, "insert point");
        sqlite3_reset(point);
      }
    }
    exec(db, "COMMIT");
  }
  sqlite3_finalize(insert);
  sqlite3_finalize(upsert);
  sqlite3_finalize(point);
  sqlite3_close(db);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBatch));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * kBatch), benchmark::Counter::kIsRate);
}

void BM_RawSqlite_insert(benchmark::State& state) { raw_insert(state, 0); }
void BM_RawSqlite_insert_projected(benchmark::State& state) { raw_insert(state, static_cast<int>(state.range(0))); }

BENCHMARK(BM_RawSqlite_insert)->Iterations(kBatches)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EventStore_ingest)->Iterations(kBatches)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RawSqlite_insert_projected)->Arg(3)->Iterations(kBatches)->Unit(benchmark::kMillisecond)->UseRealTime();
// Which projection costs what: LITMUS_BENCH_ABLATION=1 adds /1 (channels
// upsert only) and /2 (channel_points insert only).
const bool kAblation = [] {
  if (std::getenv("LITMUS_BENCH_ABLATION") != nullptr) {
    benchmark::RegisterBenchmark("BM_RawSqlite_insert_projected/1", [](benchmark::State& st) { raw_insert(st, 1); })
        ->Iterations(kBatches)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("BM_RawSqlite_insert_projected/2", [](benchmark::State& st) { raw_insert(st, 2); })
        ->Iterations(kBatches)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  return true;
}();

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::map<std::string, double> rates;  // rows/s by benchmark name
  RecordingReporter reporter([&](const benchmark::BenchmarkReporter::Run& run) {
    auto it = run.counters.find("rows/s");
    if (it != run.counters.end()) rates[run.benchmark_name()] = it->second.value;
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  double store_rate = 0;
  double raw_rate = 0;
  double projected_rate = 0;
  for (const auto& [name, rate] : rates) {
    if (name.starts_with("BM_EventStore_ingest")) store_rate = rate;
    if (name.starts_with("BM_RawSqlite_insert/")) raw_rate = rate;
    if (name.starts_with("BM_RawSqlite_insert_projected/3")) projected_rate = rate;
  }
  if (store_rate > 0 && raw_rate > 0) {
    const double ratio = store_rate / raw_rate;
    std::printf(
        "\nsummary: EventStore::ingest %.0f rows/s, raw SQLite insert %.0f rows/s: %.0f %% of raw "
        "(aim >= 50 %%) %s\n",
        store_rate, raw_rate, ratio * 100.0, verdict(ratio >= 0.5));
  }
  if (store_rate > 0 && projected_rate > 0) {
    std::printf(
        "diagnosis: raw SQLite with the same channel projections (no JSON parse) %.0f rows/s; "
        "EventStore::ingest is %.0f %% of that\n",
        projected_rate, store_rate / projected_rate * 100.0);
  }
  return 0;
}
