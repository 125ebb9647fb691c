// The Metrics page's queries on a large demo store (issue 6): every lens
// through run_metrics — the code behind GET /api/metrics/<lens> and
// `litmus metrics`, the JSON answer included — each against the same
// aggregate written as one plain SQL query on the same connection in the
// same run; then the yield tab's first paint over HTTP: the facets, summary
// and trend requests the page fires on load, against a running `litmus serve`.
//
//   litmus_bench_metrics [--litmus PATH] [--data-dir DIR] [--runs N] [--measurements N] [--repeat N]
//                        [benchmark flags]
//
// The store: demo_store.hpp (default 100 000 runs, ~5 M measurements, as
// each run's test plan measures). Each benchmark is `repeat` single calls
// (default 5); the summary compares medians and checks the worst call.
//
// Goals (issue 6): each lens <= 300 ms; the page interactive <= 1 s.

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "bench_util.hpp"
#include "core/data_dir.hpp"
#include "demo_store.hpp"
#include "metrics/metrics_request.hpp"
#include "metrics/retest.hpp"
#include "metrics/run_facts.hpp"
#include "metrics/yield.hpp"
#include "recording_reporter.hpp"
#include "serve_process.hpp"
#include "store/event_store.hpp"
#include "support/http_client.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

// The runs every lens looks at by default (every phase but development),
// as plain SQL over `runs r LEFT JOIN sessions s`.
constexpr const char* kRuns =
    " FROM runs r LEFT JOIN sessions s ON s.session_id = r.session_id WHERE r.ended_ts IS NOT NULL AND r.outcome IS "
    "NOT NULL AND COALESCE(NULLIF(r.phase, ''), 'development') <> 'development'";
constexpr const char* kProduct = "COALESCE(NULLIF(r.dut_part_number, ''), NULLIF(r.product, ''), 'unknown')";
constexpr const char* kStation = "COALESCE(NULLIF(s.hostname, ''), NULLIF(r.station, ''), 'unknown')";
constexpr const char* kDay = "r.started_ts / 86400000000000";

struct Case {
  std::string name;  // lens/<name> and baseline/<name>
  metrics::Lens lens;
  std::vector<std::pair<std::string, std::string>> parameters;
  std::string baseline;  // the same aggregate, one hand-written query
};

std::vector<Case> cases() {
  using metrics::Lens;
  const std::string runs = kRuns;
  const std::string product = kProduct;
  const std::string station = kStation;
  const std::string day = kDay;
  return {
      {"summary", Lens::summary, {},
       "WITH fr AS (SELECT r.run_id, r.dut_serial AS serial, r.started_ts, r.outcome, r.duration_ns" + runs +
           "), ranked AS (SELECT outcome, ROW_NUMBER() OVER (PARTITION BY serial ORDER BY started_ts, run_id) AS "
           "first_k, ROW_NUMBER() OVER (PARTITION BY serial ORDER BY started_ts DESC, run_id DESC) AS last_k FROM fr "
           "WHERE serial <> '') SELECT (SELECT COUNT(*) FROM fr), (SELECT SUM(outcome = 'passed') FROM fr), "
           "(SELECT SUM(outcome = 'failed') FROM fr), (SELECT AVG(duration_ns) FROM fr), (SELECT MIN(duration_ns) "
           "FROM fr), (SELECT MAX(duration_ns) FROM fr), (SELECT AVG(outcome = 'passed') FROM ranked WHERE first_k = "
           "1), (SELECT AVG(outcome = 'passed') FROM ranked WHERE last_k = 1)"},
      {"trend", Lens::trend, {},
       "SELECT " + day + ", COUNT(*), SUM(r.outcome = 'passed'), SUM(r.outcome = 'failed'), SUM(r.outcome = "
       "'errored')" + runs + " GROUP BY 1"},
      {"pareto_product", Lens::pareto, {{"group_by", "product"}},
       "SELECT " + product + ", SUM(r.outcome = 'failed') AS failures, COUNT(*)" + runs +
           " GROUP BY 1 ORDER BY failures DESC LIMIT 15"},
      {"pareto_step", Lens::pareto, {{"group_by", "step"}},
       "SELECT st.step_path, SUM(st.outcome = 'failed') AS failures, COUNT(*) FROM steps st JOIN runs r ON r.run_id "
       "= st.run_id LEFT JOIN sessions s ON s.session_id = r.session_id WHERE st.status = 'ended' AND r.ended_ts IS "
       "NOT NULL AND r.outcome IS NOT NULL AND COALESCE(NULLIF(r.phase, ''), 'development') <> 'development' GROUP "
       "BY 1 ORDER BY failures DESC LIMIT 15"},
      {"pareto_measurement", Lens::pareto, {{"group_by", "measurement"}},
       "SELECT m.step_path, m.name, SUM(m.outcome = 'failed') AS failures, COUNT(*) FROM measurements m JOIN runs r "
       "ON r.run_id = m.run_id WHERE r.ended_ts IS NOT NULL AND r.outcome IS NOT NULL AND COALESCE(NULLIF(r.phase, "
       "''), 'development') <> 'development' GROUP BY 1, 2 ORDER BY failures DESC LIMIT 15"},
      {"cpk", Lens::cpk, {},
       "SELECT " + product + ", " + station +
           ", m.step_path, m.name, m.vector_index, m.low, m.high, COUNT(*), AVG(m.value), "
           "(SUM(m.value * m.value) - SUM(m.value) * SUM(m.value) / COUNT(*)) / (COUNT(*) - 1) FROM measurements m "
           "JOIN runs r ON r.run_id = m.run_id LEFT JOIN sessions s ON s.session_id = r.session_id WHERE m.value IS "
           "NOT NULL AND (m.low IS NOT NULL OR m.high IS NOT NULL) AND m.outcome IN ('passed', 'failed') AND "
           "r.ended_ts IS NOT NULL AND r.outcome IS NOT NULL AND COALESCE(NULLIF(r.phase, ''), 'development') <> "
           "'development' GROUP BY 1, 2, 3, 4, 5, 6, 7"},
      {"retest", Lens::retest, {},
       "WITH fr AS (SELECT r.run_id, r.dut_serial AS serial, r.started_ts, r.outcome, " + station + " AS station" +
           runs +
           " AND r.dut_serial <> ''), serials AS (SELECT MIN(started_ts) / 86400000000000 AS day, COUNT(*) AS n "
           "FROM fr GROUP BY serial), pairs AS (SELECT serial, outcome, station, LAG(outcome) OVER w AS before, "
           "LAG(station) OVER w AS station_before FROM fr WINDOW w AS (PARTITION BY serial ORDER BY started_ts, "
           "run_id)) SELECT day, COUNT(*), SUM(n > 1), AVG(n - 1) FROM serials GROUP BY day UNION ALL SELECT serial, "
           "COUNT(*), 0, 0 FROM pairs WHERE before = 'failed' AND outcome = 'passed' AND station = station_before "
           "GROUP BY serial"},
      {"time_loss", Lens::time_loss, {},
       "SELECT " + day +
           ", SUM(CASE WHEN r.outcome = 'passed' THEN r.duration_ns END), SUM(CASE WHEN r.outcome = 'failed' THEN "
           "r.duration_ns END), SUM(CASE WHEN r.outcome = 'errored' THEN r.duration_ns END), SUM(CASE WHEN "
           "r.outcome NOT IN ('passed', 'failed', 'errored') THEN r.duration_ns END)" +
           runs + " GROUP BY 1"},
      {"assets", Lens::assets, {},
       "SELECT i.role, i.resource, COUNT(DISTINCT i.session_id), SUM(COALESCE(i.disconnected_ts, ss.ended_ts) - "
       "i.connected_ts) FROM instruments i JOIN sessions ss ON ss.session_id = i.session_id WHERE i.connected_ts IS "
       "NOT NULL AND i.session_id IN (SELECT r.session_id" + runs + ") GROUP BY 1, 2"},
  };
}

// Steps `sql` to the end reading every column: the floor under any answer
// built from the same rows.
std::size_t plain_query(store::Database& db, const std::string& sql) {
  auto q = db.prepare(sql);
  std::size_t bytes = 0;
  const int columns = sqlite3_column_count(q.handle());
  while (q.step()) {
    for (int c = 0; c < columns; ++c) bytes += q.column_text(c).size();
  }
  return bytes;
}

struct Timing {
  double median_ms = 0;
  double max_ms = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  benchmark::Initialize(&argc, argv);
  auto options = parse_demo_store_options(
      argc, argv, {.repeat = 5},
      "litmus_bench_metrics [--litmus PATH] [--data-dir DIR] [--runs N] [--measurements N] [--repeat N] "
      "[benchmark flags]");
  if (!options) return 2;
  std::unique_ptr<TempDir> scratch;
  if (!prepare_demo_store(*options, scratch)) return 1;
  const std::filesystem::path& data_dir = options->data_dir;
  const std::filesystem::path& litmus_bin = options->litmus_bin;
  const int repeat = options->repeat;

  {
    // A store of an older schema is upgraded here, as any writer would:
    // schema 5 backfills the metrics rollup from the raw rows. Timed.
    const auto start = std::chrono::steady_clock::now();
    auto writer = store::EventStore::open(data_dir, store::EventStore::Mode::read_write);
    std::printf("open read-write (schema upgrade and rollup backfill, if any): %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  auto store = store::EventStore::open(data_dir, store::EventStore::Mode::read_only);
  store::Database& db = store->db();
  {
    auto q = db.prepare("SELECT (SELECT COUNT(*) FROM runs), (SELECT COUNT(*) FROM measurements)");
    q.step();
    std::printf("store: %lld runs, %lld measurements, %.0f MB; %d calls per benchmark\n\n",
                static_cast<long long>(q.column_int(0)), static_cast<long long>(q.column_int(1)),
                static_cast<double>(std::filesystem::file_size(store_path(data_dir))) / 1e6, repeat);
  }
  const std::int64_t now = realtime_ns();
  auto add = [&](const std::string& name, auto body) {
    benchmark::RegisterBenchmark(name.c_str(), body)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(repeat);
  };
  std::vector<Case> all = cases();
  {
    // The same lenses over a window cut in the middle of days at both ends
    // (the last 30 days, from and to noon): whole days from the rollup, the
    // two half days from the raw rows. No baseline.
    auto q = db.prepare("SELECT max(started_ts) FROM runs");
    q.step();
    const std::int64_t last = q.column_int(0);
    const std::int64_t day = 86'400'000'000'000;
    const std::int64_t until = last - last % day - day / 2;  // noon of the day before the last
    const std::string cut_since = std::to_string(until - 30 * day);
    const std::string cut_until = std::to_string(until);
    using metrics::Lens;
    for (auto [name, lens, group_by] : {std::tuple{"pareto_step_cut", Lens::pareto, "step"},
                                        std::tuple{"pareto_measurement_cut", Lens::pareto, "measurement"},
                                        std::tuple{"cpk_cut", Lens::cpk, ""}}) {
      Case c{name, lens, {{"since", cut_since}, {"until", cut_until}}, ""};
      if (*group_by) c.parameters.emplace_back("group_by", group_by);
      all.push_back(std::move(c));
    }
  }
  for (const Case& c : all) {
    const metrics::MetricsRequest request = metrics::parse_metrics_request(c.lens, c.parameters);
    add("lens/" + c.name, [&db, request, now](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(metrics::run_metrics(db, request, now).dump().size());
    });
    if (c.baseline.empty()) continue;
    add("baseline/" + c.name, [&db, sql = c.baseline](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(plain_query(db, sql));
    });
  }
  // Diagnosis: the run-level lenses with the runs read on one connection,
  // what the second reader (load_run_facts) brings.
  {
    const metrics::MetricsFilter filter = metrics::parse_metrics_request(metrics::Lens::retest, {}).filter;
    constexpr std::int64_t kNeverSplit = std::numeric_limits<std::int64_t>::max();
    add("diagnosis/retest, one reader", [&db, filter](benchmark::State& state) {
      for (auto _ : state) {
        const auto table = metrics::load_run_facts(db, filter, metrics::RunTexts::all, kNeverSplit);
        benchmark::DoNotOptimize(metrics::retest_report(table, metrics::Period::day, 15).periods.size());
      }
    });
    add("diagnosis/summary, one reader", [&db, filter](benchmark::State& state) {
      for (auto _ : state) {
        const auto table = metrics::load_run_facts(db, filter, metrics::RunTexts::serial, kNeverSplit);
        benchmark::DoNotOptimize(metrics::yield_summary(table).runs);
      }
    });
  }
  add("lens/facets", [&db](benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(metrics::metrics_facets(db).dump().size());
  });

  // The yield tab as the page opens it: three requests at once, as the
  // browser sends them, each on its own connection.
  TempDir serve_cwd;
  ServeProcess serve(litmus_bin, data_dir, serve_cwd.path());
  const auto port = static_cast<std::uint16_t>(serve.port());
  add("page/yield tab: facets + summary + trend over HTTP", [port](benchmark::State& state) {
    for (auto _ : state) {
      std::vector<std::future<int>> replies;
      for (const char* target : {"/api/metrics/facets", "/api/metrics/summary", "/api/metrics/trend?period=day"}) {
        replies.push_back(std::async(std::launch::async, [port, target] { return testing::http_get(port, target).status; }));
      }
      for (auto& reply : replies) {
        if (reply.get() != 200) state.SkipWithError("a metrics request did not answer 200");
      }
    }
  });

  // Every call's time, by benchmark: the median and worst are taken here,
  // so they exist whatever --repeat (Google Benchmark aggregates need two).
  std::map<std::string, std::vector<double>> calls;
  RecordingReporter reporter([&](const benchmark::BenchmarkReporter::Run& run) {
    if (run.run_type == benchmark::BenchmarkReporter::Run::RT_Iteration && !run.error_occurred) {
      calls[run.run_name.function_name].push_back(run.GetAdjustedRealTime());
    }
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf("\n%-58s %12s %12s %14s %8s\n", "summary (ms)", "median", "worst", "baseline med.", "goal");
  bool all_met = true;
  std::map<std::string, Timing> timings;
  for (auto& [name, ms] : calls) {
    std::sort(ms.begin(), ms.end());
    timings[name] = {ms[ms.size() / 2], ms.back()};
  }
  auto line = [&](const std::string& label, const std::string& name, const std::string& baseline, double goal) {
    const auto found = timings.find(name);
    if (found == timings.end()) {
      all_met = false;
      std::printf("%-58s not measured\n", label.c_str());
      return;
    }
    const Timing& t = found->second;
    const bool met = t.max_ms <= goal;
    all_met = all_met && met;
    const auto base = timings.find(baseline);
    char base_text[32] = "—";
    if (base != timings.end()) std::snprintf(base_text, sizeof base_text, "%.1f", base->second.median_ms);
    std::printf("%-58s %12.1f %12.1f %14s %5.0f %s\n", label.c_str(), t.median_ms, t.max_ms, base_text, goal,
                verdict(met));
  };
  for (const Case& c : all) line("lens " + c.name, "lens/" + c.name, "baseline/" + c.name, 300);
  line("lens facets", "lens/facets", "", 300);
  line("diagnosis: retest, runs read on one reader", "diagnosis/retest, one reader", "", 300);
  line("diagnosis: summary, runs read on one reader", "diagnosis/summary, one reader", "", 300);
  line("page: yield tab over HTTP (3 requests in parallel)", "page/yield tab: facets + summary + trend over HTTP", "",
       1000);
  std::printf("\nsummary: %s\n", all_met ? "every goal MET" : "some goal NOT MET");
  return all_met ? 0 : 1;
}
