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
// Both run a fixed number of batches so their tables end the same size.
// After the run the ratio of the two rates is printed.

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/journal_entry.hpp"
#include "store/event_store.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

constexpr std::size_t kBatch = 4096;
constexpr int kBatches = 60;  // 245,760 rows per side

const std::string kSession = "0b6e1f2a-7c3d-4a59-8e10-2f3a4b5c6d7e";
const std::string kRun = "6f1c2a9e-3b7d-4e58-9a21-0c4d5e6f7a8b";

std::vector<JournalEntry> make_batch(std::uint64_t first_seq) {
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
    e.payload = read_payload(e.seq);
  }
  return batch;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const std::string& sql) { check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, sql.c_str()); }

// DDL of the events table and its indexes, exactly as EventStore created it.
std::vector<std::string> events_ddl(sqlite3* store_db) {
  sqlite3_stmt* q = nullptr;
  check(sqlite3_prepare_v2(store_db, "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL "
                                     "ORDER BY type = 'index', name",
                           -1, &q, nullptr),
        store_db, "read schema");
  std::vector<std::string> ddl;
  while (sqlite3_step(q) == SQLITE_ROW) ddl.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
  sqlite3_finalize(q);
  return ddl;
}

std::map<std::string, double>& rates() {
  static std::map<std::string, double> r;
  return r;
}

void BM_EventStore_ingest(benchmark::State& state) {
  TempDir dir("store");
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
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kBatch),
                                                benchmark::Counter::kIsRate);
}

void BM_RawSqlite_insert(benchmark::State& state) {
  TempDir dir("raw");
  std::vector<std::string> ddl;
  {
    TempDir schema_dir("schema");
    auto store = store::EventStore::open(schema_dir.path());
    ddl = events_ddl(store->db().handle());
  }
  sqlite3* db = nullptr;
  check(sqlite3_open_v2((dir.path() / "raw.db").c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), db,
        "open");
  exec(db, "PRAGMA journal_mode=WAL");
  exec(db, "PRAGMA synchronous=NORMAL");
  for (const auto& sql : ddl) exec(db, sql);
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(db,
                           "INSERT INTO events(session_id, seq, run_id, ts, type, role, step_path, vector_index, "
                           "payload) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           -1, &insert, nullptr),
        db, "prepare");
  std::uint64_t seq = 1;
  for (auto _ : state) {
    state.PauseTiming();
    auto batch = make_batch(seq);
    seq += kBatch;
    state.ResumeTiming();
    exec(db, "BEGIN IMMEDIATE");
    for (const JournalEntry& entry : batch) {
      const Event& e = entry.event;
      sqlite3_bind_text(insert, 1, e.session_id.data(), static_cast<int>(e.session_id.size()), SQLITE_STATIC);
      sqlite3_bind_int64(insert, 2, static_cast<sqlite3_int64>(e.seq));
      sqlite3_bind_text(insert, 3, e.run_id.data(), static_cast<int>(e.run_id.size()), SQLITE_STATIC);
      sqlite3_bind_int64(insert, 4, e.ts);
      sqlite3_bind_text(insert, 5, e.type.data(), static_cast<int>(e.type.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 6, e.role.data(), static_cast<int>(e.role.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 7, e.step_path.data(), static_cast<int>(e.step_path.size()), SQLITE_STATIC);
      sqlite3_bind_null(insert, 8);
      sqlite3_bind_text(insert, 9, e.payload.data(), static_cast<int>(e.payload.size()), SQLITE_STATIC);
      check(sqlite3_step(insert), db, "insert");
      sqlite3_reset(insert);
    }
    exec(db, "COMMIT");
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kBatch));
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kBatch),
                                                benchmark::Counter::kIsRate);
}

BENCHMARK(BM_RawSqlite_insert)->Iterations(kBatches)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EventStore_ingest)->Iterations(kBatches)->Unit(benchmark::kMillisecond)->UseRealTime();

// Console output plus a record of each benchmark's rows/s for the summary.
class Reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      auto it = run.counters.find("rows/s");
      if (it != run.counters.end()) rates()[run.benchmark_name()] = it->second.value;
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  double store_rate = 0;
  double raw_rate = 0;
  for (const auto& [name, rate] : rates()) {
    if (name.starts_with("BM_EventStore_ingest")) store_rate = rate;
    if (name.starts_with("BM_RawSqlite_insert")) raw_rate = rate;
  }
  if (store_rate > 0 && raw_rate > 0) {
    const double ratio = store_rate / raw_rate;
    std::printf("\nsummary: EventStore::ingest %.0f rows/s, raw SQLite insert %.0f rows/s: %.0f %% of raw "
                "(aim >= 50 %%) %s\n",
                store_rate, raw_rate, ratio * 100.0, verdict(ratio >= 0.5));
  }
  return 0;
}
