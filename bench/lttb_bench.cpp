// LTTB over 10 M points down to 1000, against a plain pass summing the same
// arrays, in the same run.
//
//   litmus_bench_lttb [google-benchmark flags]
//
//   BM_SumPass_xy        one loop: sx += x[i]; sy += y[i]   (baseline for lttb_indices)
//   BM_SumPass_y         one loop: sy += y[i]               (baseline for lttb_indices_uniform)
//   BM_lttb_indices      lttb_indices(x, y, 1000)
//   BM_lttb_uniform      lttb_indices_uniform(y, 1000)
// x is ascending with jitter, y a noisy sine with spikes (a waveform).
// Each runs 5 repetitions; the summary compares median CPU times.
// Both baselines are compiled at the same optimisation level as the library
// and without -ffast-math, so they are sequential double additions.

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "recording_reporter.hpp"
#include "store/lttb.hpp"

using namespace litmus;

namespace {

constexpr std::size_t kPoints = 10'000'000;
constexpr std::size_t kThreshold = 1000;

struct Data {
  std::vector<double> x;
  std::vector<double> y;
  Data() : x(kPoints), y(kPoints) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> jitter(0.0, 0.5e-9);
    std::normal_distribution<double> noise(0.0, 0.02);
    for (std::size_t i = 0; i < kPoints; ++i) {
      x[i] = static_cast<double>(i) * 1e-9 + jitter(rng);
      y[i] = std::sin(static_cast<double>(i) * 2e-5) + noise(rng) + (i % 250'000 == 0 ? 3.0 : 0.0);
    }
  }
};

const Data& data() {
  static const Data d;
  return d;
}

void BM_SumPass_xy(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    double sx = 0.0;
    double sy = 0.0;
    for (std::size_t i = 0; i < kPoints; ++i) {
      sx += d.x[i];
      sy += d.y[i];
    }
    benchmark::DoNotOptimize(sx);
    benchmark::DoNotOptimize(sy);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void BM_SumPass_y(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    double sy = 0.0;
    for (std::size_t i = 0; i < kPoints; ++i) sy += d.y[i];
    benchmark::DoNotOptimize(sy);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void BM_lttb_indices(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    auto kept = store::lttb_indices(d.x, d.y, kThreshold);
    if (kept.size() != kThreshold) state.SkipWithError("wrong number of points");
    benchmark::DoNotOptimize(kept.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void BM_lttb_uniform(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    auto kept = store::lttb_indices_uniform(d.y, kThreshold);
    if (kept.size() != kThreshold) state.SkipWithError("wrong number of points");
    benchmark::DoNotOptimize(kept.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

BENCHMARK(BM_SumPass_xy)->Unit(benchmark::kMillisecond)->MinTime(0.2)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SumPass_y)->Unit(benchmark::kMillisecond)->MinTime(0.2)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_lttb_indices)->Unit(benchmark::kMillisecond)->MinTime(0.2)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_lttb_uniform)->Unit(benchmark::kMillisecond)->MinTime(0.2)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  data();                           // generate the 10 M points before any timing
  std::map<std::string, double> s;  // median CPU seconds per pass, by benchmark
  bench::RecordingReporter reporter([&](const benchmark::BenchmarkReporter::Run& run) {
    // Median CPU time of 5 repetitions: single-threaded and I/O-free, so
    // the figure least disturbed by other processes on a shared machine.
    if (run.run_type == benchmark::BenchmarkReporter::Run::RT_Aggregate && run.aggregate_name == "median") {
      const std::string name = run.benchmark_name();
      s[name.substr(0, name.find('/'))] = run.GetAdjustedCPUTime() / 1e3;  // ms -> s
    }
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (s.count("BM_SumPass_xy") && s.count("BM_lttb_indices")) {
    const double r = s["BM_lttb_indices"] / s["BM_SumPass_xy"];
    std::printf(
        "\nsummary (median CPU time per pass): lttb_indices %.1f ms vs sum(x,y) %.1f ms: %.2fx (aim <= 2x) %s\n",
        s["BM_lttb_indices"] * 1e3, s["BM_SumPass_xy"] * 1e3, r, bench::verdict(r <= 2.0));
  }
  if (s.count("BM_SumPass_y") && s.count("BM_SumPass_xy") && s.count("BM_lttb_uniform")) {
    const double r = s["BM_lttb_uniform"] / s["BM_SumPass_xy"];
    const double ry = s["BM_lttb_uniform"] / s["BM_SumPass_y"];
    std::printf(
        "summary (median CPU time per pass): lttb_indices_uniform %.1f ms vs sum(x,y) %.1f ms: %.2fx (aim <= 2x) %s; "
        "vs "
        "sum(y) %.1f ms: %.2fx\n",
        s["BM_lttb_uniform"] * 1e3, s["BM_SumPass_xy"] * 1e3, r, bench::verdict(r <= 2.0), s["BM_SumPass_y"] * 1e3, ry);
  }
  return 0;
}
