// Querying history from programs (issue 7): `litmus_events` through the MCP
// server on a session of 100 000 events with limit=10000, and CSV export of
// a 1 000 000-measurement data set, each against a baseline measured in the
// same run.
//
//   litmus_bench_history [--events N] [--measurements N] [--repeat N]
//
// The store is built in a temp dir first: one session of N events (default
// 100 000: instrument reads, steps and measurements, as a test program
// writes them) and one session whose run holds N measurements (default
// 1 000 000) in 100 steps, both fed to EventStore::ingest so the tables are
// the real projections.
//
// litmus_events is timed as the server's part of a tools/call: the JSON-RPC
// line in, McpServer::handle (argument checks, the Router's GET
// /api/events, the result wrapped as MCP content) giving the line that goes
// out; stdio transfer excluded. Baseline: the same 10 000
// rows read by a raw sqlite3 query, every column.
//
// The export is exporting::export_measurements to a file (what `litmus
// export SESSION -f csv -o DIR` runs), MB/s of CSV written. Baseline: the
// same number of bytes written to a file with write(2) in 1 MiB chunks; the
// same export with one reader (diagnosis: what the second thread brings).
//
// Goals: litmus_events <= 30 ms server time; CSV export >= 100 MB/s.

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/data_dir.hpp"
#include "core/journal_entry.hpp"
#include "export/measurement_export.hpp"
#include "mcp/litmus_tools.hpp"
#include "mcp/mcp_server.hpp"
#include "server/router.hpp"
#include "server/station_catalog.hpp"
#include "store/event_store.hpp"

using namespace litmus;
using namespace litmus::bench;
using nlohmann::json;

namespace {

constexpr const char* kEventsSession = "e0e0e0e0-0000-4000-8000-000000000001";
constexpr const char* kEventsRun = "e0e0e0e0-1111-4000-8000-000000000001";
constexpr const char* kExportSession = "f0f0f0f0-0000-4000-8000-000000000002";
constexpr const char* kExportRun = "f0f0f0f0-1111-4000-8000-000000000002";
constexpr std::int64_t kStart = 1'790'000'000LL * 1'000'000'000LL;

// One session's events, numbered and stamped as the EventLog would.
class SessionWriter {
 public:
  SessionWriter(store::EventStore& store, std::string session, std::string run)
      : store_(store), session_(std::move(session)), run_(std::move(run)) {}

  void add(const char* type, const json& payload, const std::string& step = {}, int vector = -1,
           const char* role = "") {
    JournalEntry& entry = pending_.emplace_back();
    Event& e = entry.event;
    e.session_id = session_;
    e.seq = ++seq_;
    e.ts = kStart + static_cast<std::int64_t>(seq_) * 1'000'000;
    e.type = type;
    e.role = role;
    e.run_id = run_;
    e.step_path = step;
    e.vector_index = vector;
    e.payload = payload.dump();
    if (pending_.size() == 50'000) flush();
  }
  void flush() {
    store::Transaction batch(store_.db());
    store_.ingest(pending_, 0);
    batch.commit();
    pending_.clear();
  }
  std::uint64_t count() const { return seq_; }

 private:
  store::EventStore& store_;
  std::string session_;
  std::string run_;
  std::uint64_t seq_ = 0;
  std::vector<JournalEntry> pending_;
};

json measurement(std::uint64_t i) {
  const double value = 3.3 + static_cast<double>(i % 997) * 1e-4;
  return {{"name", "v_rail_" + std::to_string(i % 50)},
          {"value", value},
          {"units", "V"},
          {"outcome", "passed"},
          {"vector_retry", 0},
          {"limit", {{"low", 3.0}, {"high", 3.6}, {"nominal", 3.3}, {"comparator", "GELE"}, {"units", "V"}}},
          {"instrument", {{"role", "dmm"}, {"resource", "TCPIP::192.0.2.10::5025::SOCKET"}, {"channel", "dmm.voltage"}}}};
}

// A run of `steps` steps with `per_step` measurements each, `reads`
// instrument reads before every measurement.
void write_run(SessionWriter& w, int steps, std::int64_t per_step, int reads) {
  w.add("session.started", {{"station", "bench_1"}, {"hostname", "lab-pc-1"}, {"dut_serial", "SN-1"}});
  w.add("instrument.connected", {{"type", "dmm"}, {"resource", "TCPIP::192.0.2.10::5025::SOCKET"}}, {}, -1, "dmm");
  w.add("run.started", {{"dut_serial", "SN-1"}, {"dut_part_number", "PSU-100"}, {"station", "bench_1"}});
  std::uint64_t n = 0;
  for (int s = 0; s < steps; ++s) {
    const std::string step = "Sweep/Point" + std::to_string(s);
    w.add("test.step_started", {{"inputs", {{"v_in", 5.0}}}, {"vector_retry", 0}}, step, 0);
    for (std::int64_t m = 0; m < per_step; ++m, ++n) {
      for (int r = 0; r < reads; ++r) w.add("instrument.read", json::parse(read_payload(n)), {}, -1, "dmm");
      w.add("test.measurement", measurement(n), step, 0);
    }
    w.add("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}, {"duration_ns", 1'000'000}}, step, 0);
  }
  w.add("run.ended", {{"outcome", "passed"}});
  w.add("session.ended", {{"outcome", "passed"}});
  w.flush();
}

template <class Fn>
std::vector<double> time_ms(int repeat, Fn fn) {
  fn();  // warm-up
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    const std::int64_t start = steady_ns();
    fn();
    ms.push_back(static_cast<double>(steady_ns() - start) / 1e6);
  }
  std::sort(ms.begin(), ms.end());
  return ms;
}

double median(const std::vector<double>& v) { return v[v.size() / 2]; }
double p95(const std::vector<double>& v) {
  return v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.95))];
}

// Numbers read by raw_scan end here, so the reads are not optimised away.
volatile double g_sink = 0;

// Every row of `sql` (one text parameter) stepped, every column read.
std::size_t raw_scan(sqlite3* db, const char* sql, const char* parameter) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("raw query failed: ") + sqlite3_errmsg(db));
  }
  sqlite3_bind_text(stmt, 1, parameter, -1, SQLITE_STATIC);
  // Each column read as what it holds: sqlite3_column_bytes() of a number
  // would format it as text, work no reader of the store has to do.
  std::size_t bytes = 0;
  double sum = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          sum += static_cast<double>(sqlite3_column_int64(stmt, c));
          break;
        case SQLITE_FLOAT:
          sum += sqlite3_column_double(stmt, c);
          break;
        case SQLITE_TEXT:
          sqlite3_column_text(stmt, c);
          bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
          break;
        case SQLITE_BLOB:
          sqlite3_column_blob(stmt, c);
          bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
          break;
        default:
          break;
      }
    }
  }
  g_sink = sum;
  sqlite3_finalize(stmt);
  return bytes;
}

// write(2) of `bytes` in 1 MiB chunks, then close: the floor under writing
// that much CSV to the same file system.
void raw_write(const std::filesystem::path& path, std::size_t bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + path.string());
  std::vector<char> chunk(1 << 20, 'x');
  for (std::size_t left = bytes; left > 0;) {
    const std::size_t n = std::min(left, chunk.size());
    if (::write(fd, chunk.data(), n) != static_cast<ssize_t>(n)) throw std::runtime_error("write failed");
    left -= n;
  }
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t events = 100'000;
  std::int64_t measurements = 1'000'000;
  int repeat = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--events") events = std::atoll(argv[i + 1]);
    else if (flag == "--measurements") measurements = std::atoll(argv[i + 1]);
    else if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: litmus_bench_history [--events N] [--measurements N] [--repeat N]\n");
      return 2;
    }
  }
  if (events < 1000 || measurements < 100 || repeat < 1) {
    std::fprintf(stderr, "litmus_bench_history: --events >= 1000, --measurements >= 100, --repeat >= 1\n");
    return 2;
  }
  const TempDir dir;
  auto store = store::EventStore::open(dir.path());
  std::int64_t start = steady_ns();
  {
    // Per measurement: 3 instrument reads + the measurement; steps of 100.
    SessionWriter w(*store, kEventsSession, kEventsRun);
    const std::int64_t per_step = 100;
    write_run(w, static_cast<int>(std::max<std::int64_t>(1, (events - 7) / (4 * per_step + 2))), per_step, 3);
    std::printf("events session:  %llu events (%s)\n", static_cast<unsigned long long>(w.count()), kEventsSession);
  }
  {
    SessionWriter w(*store, kExportSession, kExportRun);
    write_run(w, 100, measurements / 100, 0);
    std::printf("export session:  %lld measurements (%s)\n", static_cast<long long>(measurements / 100 * 100),
                kExportSession);
  }
  std::printf("store built in %.1f s\n\n", static_cast<double>(steady_ns() - start) / 1e9);

  // litmus_events through the MCP server, as `litmus mcp` serves it.
  const TempDir project;  // no stations: the events route needs none
  server::StationCatalog stations(project.path());
  server::Router router(*store, stations, dir.path());
  mcp::LitmusTools tools(&router, "no store");
  mcp::McpServer server(tools, {"litmus", "bench", ""});
  const std::string call =
      json{{"jsonrpc", "2.0"},
           {"id", 1},
           {"method", "tools/call"},
           {"params", {{"name", "litmus_events"}, {"arguments", {{"session_id", kEventsSession}, {"limit", 10000}}}}}}
          .dump();
  std::size_t answer_bytes = 0;
  const auto mcp_ms = time_ms(repeat, [&] {
    const auto answer = server.handle(call);
    if (!answer || !answer->starts_with(R"({"id":1,"jsonrpc":"2.0","result":{"content")")) {
      throw std::runtime_error("litmus_events failed: " + answer.value_or("no answer").substr(0, 500));
    }
    answer_bytes = answer->size();
  });
  // Diagnosis: the route alone, without the MCP envelope.
  const std::string target = std::string("/api/events?session_id=") + kEventsSession + "&order=desc&limit=10000";
  const auto route_ms = time_ms(repeat, [&] {
    if (router.handle("GET", target).status != 200) throw std::runtime_error("GET /api/events failed");
  });
  sqlite3* raw = nullptr;
  // Multi-thread mode, as the store opens its connections: in SQLite's
  // default (serialized) mode every sqlite3_column_* call takes the
  // connection's mutex, a cost no reader of the store pays.
  if (sqlite3_open_v2(store_path(dir.path()).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    std::fprintf(stderr, "cannot open the store read-only\n");
    return 1;
  }
  const auto raw_ms = time_ms(repeat, [&] {
    raw_scan(raw, "SELECT * FROM events WHERE session_id = ?1 ORDER BY seq DESC LIMIT 10000", kEventsSession);
  });
  std::printf("%-52s median %7.2f  p95 %7.2f ms  %9zu B  %s (goal <= 30 ms)\n",
              "litmus_events(session, limit=10000) via McpServer", median(mcp_ms), p95(mcp_ms), answer_bytes,
              verdict(p95(mcp_ms) <= 30));
  std::printf("%-52s median %7.2f  p95 %7.2f ms\n", "diagnosis: GET /api/events alone (Router)", median(route_ms),
              p95(route_ms));
  std::printf("%-52s median %7.2f  p95 %7.2f ms\n\n", "baseline: raw sqlite3, same 10000 rows", median(raw_ms),
              p95(raw_ms));

  // CSV export of the 1 M measurements, to a file.
  const auto csv = dir.path() / "export.csv";
  std::int64_t rows = 0;
  const int export_repeat = std::max(1, std::min(repeat, 5));
  const auto export_ms = time_ms(export_repeat, [&] {
    std::ofstream out(csv, std::ios::binary | std::ios::trunc);
    out.exceptions(std::ios::badbit | std::ios::failbit);
    rows = exporting::export_measurements(store->db(), {.run_id = {}, .session_id = kExportSession},
                                          exporting::TableFormat::csv, out);
  });
  const auto csv_bytes = static_cast<std::size_t>(std::filesystem::file_size(csv));
  // The same export read and formatted by one thread (as before two
  // readers): what the second core brings.
  const auto one_reader_ms = time_ms(export_repeat, [&] {
    std::ofstream out(csv, std::ios::binary | std::ios::trunc);
    out.exceptions(std::ios::badbit | std::ios::failbit);
    exporting::export_measurements(store->db(), {.run_id = {}, .session_id = kExportSession},
                                   exporting::TableFormat::csv, out, /*readers=*/1);
  });
  // The rows the export reads, every column read in its type: joined in one
  // SELECT (as the export first did), and the measurement rows alone.
  const auto select_ms = time_ms(export_repeat, [&] {
    raw_scan(raw,
             "SELECT m.*, r.dut_serial, r.station, r.dut_part_number, st.inputs FROM measurements m "
             "LEFT JOIN runs r ON r.run_id = m.run_id LEFT JOIN steps st ON st.run_id = m.run_id AND "
             "st.step_path = m.step_path AND st.vector_index = m.vector_index AND st.vector_retry = m.vector_retry "
             "WHERE m.session_id = ?1 ORDER BY m.session_id, m.seq",
             kExportSession);
  });
  const auto scan_ms = time_ms(export_repeat, [&] {
    raw_scan(raw, "SELECT * FROM measurements WHERE session_id = ?1 ORDER BY session_id, seq", kExportSession);
  });
  sqlite3_close(raw);
  const auto write_ms = time_ms(export_repeat, [&] { raw_write(dir.path() / "raw.bin", csv_bytes); });
  const double export_mb_s = static_cast<double>(csv_bytes) / 1e6 / (median(export_ms) / 1e3);
  std::printf("%-52s median %7.0f ms  %lld rows  %.1f MB  %.0f MB/s  %s (goal >= 100 MB/s)\n",
              "export_measurements(session, csv) to a file", median(export_ms), static_cast<long long>(rows),
              static_cast<double>(csv_bytes) / 1e6, export_mb_s, verdict(export_mb_s >= 100));
  std::printf("%-52s median %7.0f ms  %.0f MB/s\n", "diagnosis: the same export, one reader", median(one_reader_ms),
              static_cast<double>(csv_bytes) / 1e6 / (median(one_reader_ms) / 1e3));
  std::printf("%-52s median %7.0f ms\n", "baseline: raw sqlite3, measurements joined to runs and steps",
              median(select_ms));
  std::printf("%-52s median %7.0f ms\n", "baseline: raw sqlite3, the measurement rows alone", median(scan_ms));
  std::printf("%-52s median %7.0f ms  %.0f MB/s\n", "baseline: write(2) of as many bytes, 1 MiB chunks",
              median(write_ms), static_cast<double>(csv_bytes) / 1e6 / (median(write_ms) / 1e3));
  return 0;
}
