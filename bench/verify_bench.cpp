// verify() and vector overhead, measured inside a real Litmus test program
// (the runner is live: run, steps, journal, store writer thread).
//
//   litmus_bench_verify --data-dir DIR [--calls N]
//
// PerMeasurement, each phase N calls (default 200000), per-call times into
// a log-linear histogram:
//   1. baseline  emit() of a prebuilt test.measurement payload, the same
//                event verify() writes, on the step's context
//   2. verify    LITMUS_VERIFY with the limit in the call (resolve + record)
//   3. verify    LITMUS_VERIFY with the limit from the test YAML
//   4. measure   LITMUS_MEASURE (record, no judging)
// Sweep: one test body with one verify, 10 000 vectors (verify_bench.yaml)
// against one vector looping the same verify 10 000 times; the difference
// is what the vectors themselves cost.

#include <litmus/gtest.hpp>

#include <cstdio>
#include <cstring>
#include <string>

#include "bench_util.hpp"
#include "litmus/event_log.hpp"

using litmus::bench::Histogram;
using litmus::bench::steady_ns;

namespace {

std::uint64_t calls = 200'000;
std::int64_t sweep_ns = 0;  // TenThousandVectors, whole test
std::int64_t loop_ns = 0;   // TenThousandInOneVector, whole test

template <class Call>
Histogram time_calls(Call&& call) {
  for (std::uint64_t i = 0; i < 1000; ++i) call(i);  // warm-up
  Histogram hist;
  for (std::uint64_t i = 0; i < calls; ++i) {
    const std::int64_t start = steady_ns();
    call(i);
    hist.record(static_cast<std::uint64_t>(steady_ns() - start));
  }
  return hist;
}

void print(const char* name, const Histogram& hist, double baseline_p50) {
  const double p50 = static_cast<double>(hist.percentile(0.50)) / 1e3;
  std::printf("%-34s p50=%6.2f us  p99=%7.2f us  mean=%6.2f us  x%.2f of baseline p50\n", name, p50,
              static_cast<double>(hist.percentile(0.99)) / 1e3, hist.mean() / 1e3, p50 / baseline_p50);
}

const litmus::Limit kLimit{.low = 3.2, .high = 3.4, .units = "V"};
constexpr litmus::MeasurementOptions kRepeated{.repeated = true};

}  // namespace

TEST(VerifyBench, PerMeasurement) {
  auto& ctx = litmus::context();
  litmus::EventLog& log = ctx.station().log();
  litmus::EventContext step;
  step.run_id = ctx.run_id();
  step.step_path = ctx.step_path();
  step.vector_index = ctx.vector_index();
  const nlohmann::json payload{{"name", "v_rail"},
                               {"value", 3.3},
                               {"vector_retry", 0},
                               {"outcome", "passed"},
                               {"units", "V"},
                               {"limit", {{"low", 3.2}, {"high", 3.4}, {"comparator", "GELE"}, {"units", "V"},
                                          {"source", "verify() call at bench/verify_bench.cpp:80"}}},
                               {"characteristic_id", ""},
                               {"spec_ref", ""}};
  const Histogram emit = time_calls([&](std::uint64_t) { log.emit("test.measurement", payload, step); });
  const Histogram call_limit = time_calls([&](std::uint64_t) { ctx.verify("v_rail", 3.3, kLimit, kRepeated); });
  const Histogram yaml_limit = time_calls([&](std::uint64_t) { ctx.verify("v_yaml", 3.3, {}, kRepeated); });
  const Histogram measure = time_calls([&](std::uint64_t) { ctx.measure("v_plain", 3.3, "V", kRepeated); });
  const double base = static_cast<double>(emit.percentile(0.50)) / 1e3;
  std::printf("\nper measurement, %llu calls each\n", static_cast<unsigned long long>(calls));
  print("baseline emit(test.measurement)", emit, base);
  print("verify, limit in the call", call_limit, base);
  print("verify, limit from test YAML", yaml_limit, base);
  print("measure", measure, base);
  const double verify_p50 = static_cast<double>(call_limit.percentile(0.50)) / 1e3;
  std::printf("goal verify <= 3x emit and <= 5 us p50: %s\n\n",
              litmus::bench::verdict(verify_p50 <= 3 * base && verify_p50 <= 5.0));
}

TEST(VerifyBench, TenThousandVectors) {
  const std::int64_t start = steady_ns();  // first vector; the listener adds nothing per vector
  LITMUS_VERIFY("x", 1.0, {.low = 0, .high = 2});
  if (litmus::context().vector_index() == 0) sweep_ns = -start;
  if (litmus::context().vector_index() == 9999) sweep_ns += steady_ns();
}

TEST(VerifyBench, TenThousandInOneVector) {
  const std::int64_t start = steady_ns();
  for (int i = 0; i < 10'000; ++i) LITMUS_VERIFY("x", 1.0, {.low = 0, .high = 2}, kRepeated);
  loop_ns = steady_ns() - start;
}

int main(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--calls") == 0) calls = std::stoull(argv[i + 1]);
  }
  litmus::init(&argc, argv);
  const int status = RUN_ALL_TESTS();
  if (sweep_ns > 0 && loop_ns > 0) {
    std::printf("\n10 000-vector sweep, one verify per vector: %.1f ms\n", static_cast<double>(sweep_ns) / 1e6);
    std::printf("same 10 000 verifies in one vector:         %.1f ms\n", static_cast<double>(loop_ns) / 1e6);
    const double added = static_cast<double>(sweep_ns - loop_ns) / 1e9;
    std::printf("added by the vectors: %.3f s (%.1f us per vector); goal <= 1 s: %s\n", added, added * 1e2,
                litmus::bench::verdict(added <= 1.0));
  }
  return status;
}
