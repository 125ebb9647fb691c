// The Results screens' API on a large store: the first page of GET
// /api/runs under every sort and order, and GET /api/runs/{id}/measurements
// of a 10 000-measurement run, through the real Router (the request as
// `litmus serve` handles it, JSON body included, minus the socket write),
// against raw SQLite baselines measured in the same run.
//
//   litmus_bench_results [--litmus PATH] [--data-dir DIR] [--runs N] [--measurements N] [--repeat N]
//
// The store: demo_store.hpp (default 100 000 runs, 5 000 000 measurements
// spread evenly, `litmus demo --measurements`). Each request is
// timed `repeat` times (default 20) after one warm-up; the table shows the
// median, p95 and max, and the cold first call.
//
// Goals (issue 5): /api/runs first page <= 50 ms for every sort and order;
// the 10 000 measurements <= 200 ms.

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "demo_store.hpp"
#include "core/data_dir.hpp"
#include "server/router.hpp"
#include "server/station_catalog.hpp"
#include "store/event_store.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

struct Timing {
  double cold_ms = 0;
  double median_ms = 0;
  double p95_ms = 0;
  double max_ms = 0;
  std::size_t bytes = 0;
};

// Times `fn` (returning the response size) once cold, then `repeat` times.
template <class Fn>
Timing time_it(int repeat, Fn fn) {
  Timing t;
  std::int64_t start = steady_ns();
  t.bytes = fn();
  t.cold_ms = static_cast<double>(steady_ns() - start) / 1e6;
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    start = steady_ns();
    fn();
    ms.push_back(static_cast<double>(steady_ns() - start) / 1e6);
  }
  std::sort(ms.begin(), ms.end());
  t.median_ms = ms[ms.size() / 2];
  t.p95_ms = ms[std::min(ms.size() - 1, static_cast<std::size_t>(static_cast<double>(ms.size()) * 0.95))];
  t.max_ms = ms.back();
  return t;
}

void print_row(const std::string& what, const Timing& t, double goal_ms = 0) {
  std::printf("%-58s cold %8.2f  median %8.2f  p95 %8.2f  max %8.2f ms  %9zu B", what.c_str(), t.cold_ms,
              t.median_ms, t.p95_ms, t.max_ms, t.bytes);
  if (goal_ms > 0) std::printf("  %s", t.p95_ms <= goal_ms ? "ok" : "OVER GOAL");
  std::printf("\n");
}

// A raw sqlite3 query stepped to the end, every column read: the floor
// under any API answer from the same rows.
std::size_t raw_scan(sqlite3* db, const std::string& sql, const std::string& bind = {}) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string("raw query failed: ") + sqlite3_errmsg(db));
  }
  if (!bind.empty()) sqlite3_bind_text(stmt, 1, bind.c_str(), static_cast<int>(bind.size()), SQLITE_TRANSIENT);
  std::size_t bytes = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      sqlite3_column_text(stmt, c);
      bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
    }
  }
  sqlite3_finalize(stmt);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_demo_store_options(
      argc, argv, {.measurements = 5'000'000, .repeat = 20},
      "litmus_bench_results [--litmus PATH] [--data-dir DIR] [--runs N] [--measurements N] [--repeat N]");
  if (!options) return 2;
  std::unique_ptr<testing::TempDir> scratch;
  if (!prepare_demo_store(*options, scratch)) return 1;
  const std::filesystem::path& data_dir = options->data_dir;
  const int repeat = options->repeat;

  auto store = store::EventStore::open(data_dir, store::EventStore::Mode::read_only);
  testing::TempDir project;
  server::StationCatalog stations(project.path());
  server::Router router(*store, stations, data_dir);
  auto get = [&](const std::string& target) {
    const auto response = router.handle("GET", target);
    if (response.status != 200) {
      throw std::runtime_error(target + " answered " + std::to_string(response.status) + ": " + response.body);
    }
    return response;
  };
  const auto first = nlohmann::json::parse(get("/api/runs?limit=1").body);
  const auto biggest = nlohmann::json::parse(get("/api/runs?sort=measurements&order=desc&limit=1").body)["runs"][0];
  const std::string big_run = biggest["run_id"];
  std::printf("store: %lld runs, %.0f MB; largest run %s with %lld measurements; repeat %d\n\n",
              static_cast<long long>(first["total"].get<std::int64_t>()),
              static_cast<double>(std::filesystem::file_size(store_path(data_dir))) / 1e6, big_run.c_str(),
              static_cast<long long>(biggest["measurement_count"].get<std::int64_t>()), repeat);

  sqlite3* raw = store->db().handle();
  std::printf("baselines (raw sqlite3, same connection, every column read):\n");
  print_row("SELECT count(*) FROM measurements",
            time_it(std::min(repeat, 5), [&] { return raw_scan(raw, "SELECT count(*) FROM measurements"); }));
  print_row("SELECT * FROM runs ORDER BY started_ts DESC LIMIT 50", time_it(repeat, [&] {
              return raw_scan(raw, "SELECT * FROM runs ORDER BY started_ts DESC, run_id DESC LIMIT 50");
            }));
  print_row("SELECT * FROM measurements WHERE run_id = <largest> (10 000 rows)", time_it(repeat, [&] {
              return raw_scan(raw, "SELECT * FROM measurements WHERE run_id = ?1 ORDER BY session_id, seq", big_run);
            }));

  std::printf("\nGET /api/runs, first page (50 runs + stats over all runs), every sort and order; goal p95 <= 50 ms:\n");
  bool all_met = true;
  for (const auto sort : store::run_sort_names()) {
    for (const char* order : {"asc", "desc"}) {
      const std::string target = "/api/runs?sort=" + std::string(sort) + "&order=" + order;
      const Timing t = time_it(repeat, [&] { return get(target).body.size(); });
      all_met = all_met && t.p95_ms <= 50;
      print_row(target, t, 50);
    }
  }
  std::printf("\nother pages and filters:\n");
  for (const std::string target : {"/api/runs?offset=50000", "/api/runs?station=bench_2&sort=serial&order=asc",
                                   "/api/runs?outcome=failed&sort=hostname", "/api/runs?project=rf&phase=validation",
                                   "/api/active"}) {
    print_row(target, time_it(repeat, [&] { return get(target).body.size(); }));
  }
  const std::string serial = biggest["dut_serial"];
  print_row("/api/duts/" + serial + "/runs",
            time_it(repeat, [&] { return get("/api/duts/" + serial + "/runs").body.size(); }));
  print_row("/api/runs/{largest} (with step and measurement stats)",
            time_it(repeat, [&] { return get("/api/runs/" + big_run).body.size(); }));
  print_row("/api/runs/{largest}/steps", time_it(repeat, [&] { return get("/api/runs/" + big_run + "/steps").body.size(); }));

  std::printf("\nGET /api/runs/{largest}/measurements (all 10 000, one page); goal p95 <= 200 ms:\n");
  const Timing m = time_it(repeat, [&] { return get("/api/runs/" + big_run + "/measurements").body.size(); });
  print_row("/api/runs/{largest}/measurements", m, 200);
  all_met = all_met && m.p95_ms <= 200;
  std::printf("diagnosis, its parts:\n");
  print_row("  EventStore::measurements() (rows read)",
            time_it(repeat, [&] { return store->measurements(big_run).size(); }));
  print_row("  + rows to nlohmann::json", time_it(repeat, [&] { return nlohmann::json(store->measurements(big_run)).size(); }));
  print_row("  + dump()", time_it(repeat, [&] { return nlohmann::json(store->measurements(big_run)).dump().size(); }));

  std::printf("\nsummary: %s\n", all_met ? "every goal MET" : "some goal NOT MET (see OVER GOAL above)");
  return all_met ? 0 : 1;
}
