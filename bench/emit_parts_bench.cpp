// Diagnosis for benchmark 1: what one emit_json() spends outside write(2).
//
//   litmus_bench_emit_parts [google-benchmark flags]
//
// Each piece EventLog::emit_json does per call, on the same 235-byte record
// and realistic context: the CRC32C of the record (crc32c::value), building
// the Event (string copies), encoding the body (codec::encode_event), the
// timestamp (now_ns) and the emit mutex.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "bench_util.hpp"
#include "core/clock.hpp"
#include "core/crc32c.hpp"
#include "core/event_codec.hpp"
#include "core/journal_format.hpp"
#include "litmus/event.hpp"

using namespace litmus;

namespace {

const EventContext& context() {
  static const EventContext ctx{"6f1c2a9e-3b7d-4e58-9a21-0c4d5e6f7a8b", "dmm", "PowerRail.Nominal", -1};
  return ctx;
}

Event make_event(const std::string& payload) {
  Event e;
  e.seq = 1;
  e.ts = now_ns();
  e.type = event_type::instrument_read;
  e.run_id = context().run_id;
  e.role = context().role;
  e.step_path = context().step_path;
  e.payload = payload;
  return e;
}

std::string encoded_record() {
  std::string rec(journal::kHeaderSize, '\0');
  codec::encode_event(make_event(bench::read_payload(0)), {}, {}, rec);
  return rec;
}

void BM_crc32c_record(benchmark::State& state) {
  const std::string rec = encoded_record();
  for (auto _ : state) benchmark::DoNotOptimize(crc32c::value(rec.data() + 4, rec.size() - 4));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (rec.size() - 4)));
}

void BM_build_event(benchmark::State& state) {
  const std::string payload = bench::read_payload(0);
  for (auto _ : state) {
    Event e = make_event(std::string(payload));
    benchmark::DoNotOptimize(e);
  }
}

void BM_encode_event(benchmark::State& state) {
  const Event e = make_event(bench::read_payload(0));
  std::string rec;
  for (auto _ : state) {
    rec.assign(journal::kHeaderSize, '\0');
    codec::encode_event(e, {}, {}, rec);
    benchmark::DoNotOptimize(rec.data());
  }
}

void BM_now_ns(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(now_ns());
}

void BM_mutex(benchmark::State& state) {
  std::mutex m;
  for (auto _ : state) {
    std::lock_guard lock(m);
    benchmark::ClobberMemory();
  }
}

BENCHMARK(BM_crc32c_record);
BENCHMARK(BM_build_event);
BENCHMARK(BM_encode_event);
BENCHMARK(BM_now_ns);
BENCHMARK(BM_mutex);

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("record of %zu bytes\n", encoded_record().size());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
