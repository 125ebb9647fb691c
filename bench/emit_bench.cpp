// emit() latency and throughput on one thread, against a bare write(2) of
// the same record bytes to an O_APPEND file, in the same run.
//
//   litmus_bench_emit [--calls N] [--json-calls N]
//
// Phases (each in a fresh directory under $TMPDIR or /tmp):
//   1. baseline   write(2) of each pre-encoded journal record (same bytes
//                 emit_json() writes: 9-byte frame header + event body)
//   2. emit_json  EventLog with ingest on (the store writer thread runs)
//   3. emit_json  EventLog with ingest off (journal only; for diagnosis)
//   4. emit       the nlohmann::json overload, ingest on
// Per-call times come from steady_clock around each call, into a
// log-linear histogram (1.6 % resolution). events/s = calls / loop time.
// With ingest on, the store's progress when the loop ends is read back from
// the store (sessions.event_count); closing does not wait for the rest.

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/event_codec.hpp"
#include "core/journal_format.hpp"
#include "litmus/event_log.hpp"
#include "store/event_store.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

constexpr std::size_t kRing = 1024;  // distinct payloads, cycled
constexpr std::size_t kWarmup = 10'000;

struct Result {
  Histogram hist;
  double seconds = 0;
  std::uint64_t calls = 0;
  double rate() const { return static_cast<double>(calls) / seconds; }
};

EventContext read_context() {
  EventContext ctx;
  ctx.run_id = "6f1c2a9e-3b7d-4e58-9a21-0c4d5e6f7a8b";
  ctx.role = "dmm";
  ctx.step_path = "PowerRail.Nominal";
  return ctx;
}

void print(const char* name, const Result& r) {
  std::printf(
      "%-28s calls=%-9llu p50=%7.2f us  p99=%7.2f us  p99.9=%8.2f us  max=%9.1f us  mean=%6.2f us  %9.0f events/s\n",
      name, static_cast<unsigned long long>(r.calls), static_cast<double>(r.hist.percentile(0.50)) / 1e3,
      static_cast<double>(r.hist.percentile(0.99)) / 1e3, static_cast<double>(r.hist.percentile(0.999)) / 1e3,
      static_cast<double>(r.hist.max()) / 1e3, r.hist.mean() / 1e3, r.rate());
}

Result bare_write(const std::vector<std::string>& records, std::uint64_t calls) {
  TempDir dir;
  const auto path = dir.path() / "baseline.journal";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string());
  auto write_one = [&](const std::string& rec) {
    if (::write(fd, rec.data(), rec.size()) != static_cast<ssize_t>(rec.size())) {
      throw std::runtime_error("write failed: " + std::string(std::strerror(errno)));
    }
  };
  for (std::size_t i = 0; i < kWarmup; ++i) write_one(records[i % kRing]);
  Result r;
  r.calls = calls;
  const std::int64_t begin = steady_ns();
  std::int64_t last = begin;
  for (std::uint64_t i = 0; i < calls; ++i) {
    write_one(records[i % kRing]);
    const std::int64_t now = steady_ns();
    r.hist.record(static_cast<std::uint64_t>(now - last));
    last = now;
  }
  r.seconds = static_cast<double>(last - begin) / 1e9;
  ::close(fd);
  return r;
}

template <class EmitFn>
Result run_emit(bool ingest, std::uint64_t calls, EmitFn&& emit, std::uint64_t* store_committed) {
  TempDir dir;
  EventLogOptions options;
  options.data_dir = dir.path();
  options.ingest = ingest;
  options.close_drain_timeout = std::chrono::milliseconds(1);
  auto log = EventLog::create(options);
  for (std::size_t i = 0; i < kWarmup; ++i) emit(*log, i);
  Result r;
  r.calls = calls;
  const std::int64_t begin = steady_ns();
  std::int64_t last = begin;
  for (std::uint64_t i = 0; i < calls; ++i) {
    emit(*log, i);
    const std::int64_t now = steady_ns();
    r.hist.record(static_cast<std::uint64_t>(now - last));
    last = now;
  }
  r.seconds = static_cast<double>(last - begin) / 1e9;
  if (ingest && store_committed) {
    // How far the store writer got while the loop ran (the rest stays in
    // the journal; closing does not wait for it).
    auto store = store::EventStore::open(dir.path(), store::EventStore::Mode::read_only);
    const auto row = store->session(log->session_id());
    *store_committed = row ? static_cast<std::uint64_t>(row->event_count) : 0;
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::uint64_t calls = 1'000'000;
  std::uint64_t json_calls = 200'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--calls") {
      calls = std::stoull(argv[i + 1]);
    } else if (arg == "--json-calls") {
      json_calls = std::stoull(argv[i + 1]);
    } else {
      std::cerr << "usage: litmus_bench_emit [--calls N] [--json-calls N]\n";
      return 2;
    }
  }

  const EventContext ctx = read_context();
  std::vector<std::string> payloads;
  std::vector<nlohmann::json> payload_objects;
  std::vector<std::string> records;
  std::size_t payload_bytes = 0;
  std::size_t record_bytes = 0;
  for (std::size_t i = 0; i < kRing; ++i) {
    payloads.push_back(read_payload(i));
    payload_objects.push_back(nlohmann::json::parse(payloads.back()));
    // The exact bytes emit_json() appends (CRC left zero: write(2) does not care).
    Event e;
    e.seq = 1'000'000 + i;
    e.ts = realtime_ns();
    e.type = event_type::instrument_read;
    e.run_id = ctx.run_id;
    e.role = ctx.role;
    e.step_path = ctx.step_path;
    e.payload = payloads.back();
    std::string rec(journal::kHeaderSize, '\0');
    codec::encode_event(e, {}, {}, rec);
    payload_bytes += payloads.back().size();
    record_bytes += rec.size();
    records.push_back(std::move(rec));
  }
  std::printf("emit benchmark: %llu calls per phase, payload %.0f B avg, journal record %.0f B avg\n",
              static_cast<unsigned long long>(calls), static_cast<double>(payload_bytes) / kRing,
              static_cast<double>(record_bytes) / kRing);
  std::printf("payload example: %s\n", payloads[0].c_str());

  const Result base = bare_write(records, calls);
  print("baseline write(2)", base);

  std::uint64_t committed = 0;
  const Result fast = run_emit(
      true, calls,
      [&](EventLog& log, std::uint64_t i) { log.emit_json(event_type::instrument_read, payloads[i % kRing], ctx); },
      &committed);
  print("emit_json (ingest on)", fast);
  const std::uint64_t emitted = calls + kWarmup;
  std::printf("%-28s store had committed %llu of %llu events when the loop ended (%.0f events/s ingest pace)\n", "",
              static_cast<unsigned long long>(committed), static_cast<unsigned long long>(emitted),
              static_cast<double>(committed) / fast.seconds);

  const Result off = run_emit(
      false, calls,
      [&](EventLog& log, std::uint64_t i) { log.emit_json(event_type::instrument_read, payloads[i % kRing], ctx); },
      nullptr);
  print("emit_json (ingest off)", off);

  std::uint64_t committed_json = 0;
  const Result js = run_emit(
      true, json_calls,
      [&](EventLog& log, std::uint64_t i) { log.emit(event_type::instrument_read, payload_objects[i % kRing], ctx); },
      &committed_json);
  print("emit(nlohmann) (ingest on)", js);

  const double p50_ratio =
      static_cast<double>(fast.hist.percentile(0.5)) / static_cast<double>(base.hist.percentile(0.5));
  const double p99_us = static_cast<double>(fast.hist.percentile(0.99)) / 1e3;
  std::printf("\nsummary emit_json (ingest on) vs bare write(2):\n");
  std::printf("  p50 ratio  %.2fx  (aim <= 2x)            %s\n", p50_ratio, verdict(p50_ratio <= 2.0));
  std::printf("  p99        %.2f us (aim <= 20 us)        %s\n", p99_us, verdict(p99_us <= 20.0));
  std::printf("  throughput %.0f events/s (aim >= 500k) %s\n", fast.rate(), verdict(fast.rate() >= 500'000));
  std::printf(
      "  nlohmann overload p50 %.2f us vs emit_json %.2f us (+%.2f us per call)\n",
      static_cast<double>(js.hist.percentile(0.5)) / 1e3, static_cast<double>(fast.hist.percentile(0.5)) / 1e3,
      static_cast<double>(js.hist.percentile(0.5)) / 1e3 - static_cast<double>(fast.hist.percentile(0.5)) / 1e3);
  return 0;
}
