// A 1 000 000-point waveform from the in-process simulated DS1104Z through
// the rigol_ds1000z driver and a Scope instrument into the ChannelStore,
// against the same acquisition's raw block bytes read over a bare socket,
// in the same run.
//
//   litmus_bench_waveform [google-benchmark flags]
//
//   BM_RawSocket          baseline: the same :WAV:PRE? and four 250 000-point
//                         :WAV:STAR/:WAV:STOP/:WAV:DATA? requests on a plain
//                         TCP socket, block bytes counted, nothing parsed
//   BM_Driver             RigolDs1000z::read_waveform: ScpiConnection, block
//                         parsing, scaling to volts, the codes kept (diagnosis)
//   BM_ScopeToStore       Scope::read_waveform on an ingesting EventLog, then
//                         wait_for_store: the samples are in the ChannelStore,
//                         as the scope's 1 M byte codes and their scaling
//   BM_ScopeToStoreStream the same, 8 waveforms back to back, then one wait:
//                         the sustained rate, the store committing one while
//                         the driver reads the next
//   BM_ScopeToStoreDoubles  diagnosis, the path before codes were kept: the
//                         same, with a driver that drops the codes, so the
//                         journal and the store hold 8 MB of doubles
//   BM_JournalToStore/0   diagnosis, the store's part alone: an already read
//                         waveform's codes journaled, then wait_for_store
//   BM_JournalToStore/1   the same with its doubles
//   BM_WriteFsync         baseline of the disk: the 8 MB of doubles written
//                         and fdatasync'ed once
//   BM_WriteFsyncCodes    the same for the 1 MB of codes
//
// MB/s counts the raw block bytes (1 byte per point, 1 MB per waveform) for
// all of them, so the figures compare directly. The scope is stopped, so the
// simulator acquires once and every read serves the same record (a running
// scope would spend the time simulating a new acquisition per read).

#include <arpa/inet.h>
#include <fcntl.h>
#include <benchmark/benchmark.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <litmus/event_log.hpp>
#include <litmus/instruments/scope.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "bench_util.hpp"
#include "drivers/rigol_ds1000z.hpp"
#include "recording_reporter.hpp"
#include "sim/sim_scope.hpp"
#include "sim/sim_server.hpp"

using namespace litmus;

namespace {

constexpr std::size_t kPoints = 1'000'000;
constexpr std::size_t kChunk = drivers::RigolDs1000z::max_points_per_read;

sim::SimServer& server() {
  static sim::SimServer instance([] {
    sim::SimConfig config;
    auto& scope = dynamic_cast<sim::SimScope&>(config.add("scope", "scope"));
    scope.set_memory_depth(kPoints);
    scope.set_max_points_per_read(kChunk);
    scope.execute(":STOP");
    return config;
  }());
  static const bool started = (instance.start(), true);
  (void)started;
  return instance;
}

// The raw SCPI a minimal client would write: a blocking socket, no
// timeouts, no error checks.
class BareSocket {
 public:
  BareSocket() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server().endpoints().front().port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("cannot connect to the simulator");
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~BareSocket() { ::close(fd_); }
  BareSocket(const BareSocket&) = delete;
  BareSocket& operator=(const BareSocket&) = delete;

  void send(const std::string& text) {
    for (std::size_t sent = 0; sent < text.size();) {
      const ssize_t n = ::send(fd_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      sent += static_cast<std::size_t>(n);
    }
  }
  // Bytes up to and including the next '\n'.
  std::size_t read_line() {
    std::size_t count = 0;
    while (true) {
      fill();
      const auto newline = buffer_.find('\n', begin_);
      if (newline != std::string::npos) {
        count += newline + 1 - begin_;
        begin_ = newline + 1;
        return count;
      }
      count += buffer_.size() - begin_;
      begin_ = buffer_.size();
    }
  }
  // A "#<n><len>" block and its terminator; returns the data length.
  std::size_t read_block() {
    while (buffer_.size() - begin_ < 2) fill(true);
    const std::size_t digits = static_cast<std::size_t>(buffer_[begin_ + 1] - '0');
    while (buffer_.size() - begin_ < 2 + digits) fill(true);
    const std::size_t length = std::stoul(buffer_.substr(begin_ + 2, digits));
    begin_ += 2 + digits;
    skip(length + 1);
    return length;
  }

 private:
  // Reads more when the buffer is used up (or, with `more`, always).
  void fill(bool more = false) {
    if (!more && begin_ < buffer_.size()) return;
    if (begin_ == buffer_.size()) {
      buffer_.clear();
      begin_ = 0;
    }
    char chunk[1 << 16];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) throw std::runtime_error("connection closed");
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  void skip(std::size_t count) {
    while (count > 0) {
      if (begin_ == buffer_.size()) fill();
      const std::size_t take = std::min(count, buffer_.size() - begin_);
      begin_ += take;
      count -= take;
    }
  }

  int fd_;
  std::string buffer_;
  std::size_t begin_ = 0;
};

std::unique_ptr<ScpiConnection> connection() {
  const std::string resource = server().resource("scope");
  return std::make_unique<ScpiConnection>(open_transport(resource, std::chrono::seconds(5)),
                                          ScpiOptions{.timeout = std::chrono::seconds(5)});
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void BM_RawSocket(benchmark::State& state) {
  BareSocket socket;
  socket.send(":WAV:SOUR CHAN1\n:WAV:MODE MAX\n:WAV:FORM BYTE\n");
  for (auto _ : state) {
    socket.send(":WAV:PRE?\n");
    socket.read_line();
    std::size_t bytes = 0;
    for (std::size_t start = 1; start <= kPoints; start += kChunk) {
      socket.send(":WAV:STAR " + std::to_string(start) + "\n:WAV:STOP " + std::to_string(start + kChunk - 1) +
                  "\n:WAV:DATA?\n");
      bytes += socket.read_block();
    }
    if (bytes != kPoints) state.SkipWithError("short record");
  }
  set_bytes(state);
}

void BM_Driver(benchmark::State& state) {
  auto io = connection();
  const std::string role = "scope";
  const std::vector<std::string> channels;
  DriverContext ctx{*io, role, channels};
  drivers::RigolDs1000z driver(ctx);
  for (auto _ : state) {
    const Waveform waveform = driver.read_waveform("ch1");
    if (waveform.samples.size() != kPoints) state.SkipWithError("short record");
    benchmark::DoNotOptimize(waveform.samples.data());
  }
  set_bytes(state);
}

// The rigol_ds1000z driver as it was before it kept its codes: the
// recorded read stores the doubles.
class DoublesOnly : public drivers::RigolDs1000z {
 public:
  using RigolDs1000z::RigolDs1000z;
  Waveform read_waveform(std::string_view channel) override {
    Waveform waveform = RigolDs1000z::read_waveform(channel);
    waveform.codes.reset();
    return waveform;
  }
};

// A Scope on the simulator whose recorded reads go to an ingesting EventLog
// in a temp dir.
template <class Driver>
struct RecordedScope {
  bench::TempDir dir;
  std::unique_ptr<EventLog> log = EventLog::create({.data_dir = dir.path()});
  std::unique_ptr<ScpiConnection> io = connection();
  std::string role = "scope";
  std::vector<std::string> channels;
  DriverContext ctx{*io, role, channels};
  Scope scope{{log.get(), nullptr, role, "scope", io->resource(), false, "rigol_ds1000z"},
              std::make_unique<Driver>(ctx)};
};

template <class Driver>
void scope_to_store(benchmark::State& state) {
  RecordedScope<Driver> recorded;
  Scope& scope = recorded.scope;
  EventLog* log = recorded.log.get();
  // Where the time goes: the recorded read (driver, codes check, journal
  // write) and the wait for the store writer's commit after it.
  double read_s = 0.0;
  double store_s = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const Waveform waveform = scope.read_waveform("ch1");
    const auto read = std::chrono::steady_clock::now();
    if (waveform.samples.size() != kPoints) state.SkipWithError("short record");
    if (!log->wait_for_store(std::chrono::seconds(30))) state.SkipWithError("store did not catch up");
    read_s += std::chrono::duration<double>(read - start).count();
    store_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - read).count();
  }
  const double n = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["read_ms"] = read_s / n * 1e3;
  state.counters["store_wait_ms"] = store_s / n * 1e3;
  set_bytes(state);
}

// The sustained rate of a test that captures waveform after waveform: each
// iteration reads kStreamWaveforms back to back, the store writer committing
// one while the driver reads the next, then waits for the store to hold
// them all. The journal write stays on the read's path (a waveform is
// durable when read_waveform returns); only the SQLite commit overlaps.
constexpr int kStreamWaveforms = 8;

void BM_ScopeToStoreStream(benchmark::State& state) {
  RecordedScope<drivers::RigolDs1000z> recorded;
  Scope& scope = recorded.scope;
  EventLog* log = recorded.log.get();
  for (auto _ : state) {
    for (int i = 0; i < kStreamWaveforms; ++i) {
      if (scope.read_waveform("ch1").samples.size() != kPoints) state.SkipWithError("short record");
    }
    if (!log->wait_for_store(std::chrono::seconds(30))) state.SkipWithError("store did not catch up");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * kStreamWaveforms *
                          static_cast<std::int64_t>(kPoints));
}

// Diagnosis: the store's part alone. One waveform read beforehand; each
// iteration journals it (EventLog::emit_samples, as a recorded read does
// after the driver returns: codes, or with arg 1 the doubles) and waits
// for the store writer's commit.
void BM_JournalToStore(benchmark::State& state) {
  const bool doubles = state.range(0) == 1;
  auto io = connection();
  const std::string role = "scope";
  const std::vector<std::string> channels;
  DriverContext ctx{*io, role, channels};
  const Waveform waveform = drivers::RigolDs1000z(ctx).read_waveform("ch1");
  bench::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path()});
  const nlohmann::json payload{{"method", "read_waveform"}, {"channel", "scope.ch1"},
                               {"x_origin", waveform.x_origin}, {"x_increment", waveform.x_increment},
                               {"x_units", "s"}, {"y_units", "V"}, {"units", "V"}};
  double emit_s = 0.0;
  double store_s = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    if (doubles) {
      log->emit_samples("instrument.read", payload, "scope.ch1", waveform.samples, {.role = role});
    } else {
      log->emit_samples("instrument.read", payload, "scope.ch1", *waveform.codes, {.role = role});
    }
    const auto emitted = std::chrono::steady_clock::now();
    if (!log->wait_for_store(std::chrono::seconds(30))) state.SkipWithError("store did not catch up");
    emit_s += std::chrono::duration<double>(emitted - start).count();
    store_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - emitted).count();
  }
  const double n = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["emit_ms"] = emit_s / n * 1e3;
  state.counters["store_wait_ms"] = store_s / n * 1e3;
  set_bytes(state);
}

void BM_ScopeToStore(benchmark::State& state) { scope_to_store<drivers::RigolDs1000z>(state); }
void BM_ScopeToStoreDoubles(benchmark::State& state) { scope_to_store<DoublesOnly>(state); }

// Baseline for the store's side: the bytes a 1 M-point waveform is, written
// once with write(2) and made durable with fdatasync, in the same kind of
// directory. The store does at least this (its journal), then SQLite's own
// write of the same bytes.
void write_fsync(benchmark::State& state, std::size_t bytes) {
  bench::TempDir dir;
  const std::string data(bytes, '\x5a');
  const std::string file = (dir.path() / "samples.bin").string();
  for (auto _ : state) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, data.data(), bytes) != static_cast<ssize_t>(bytes) || ::fdatasync(fd) != 0) {
      state.SkipWithError("write failed");
    }
    ::close(fd);
  }
  set_bytes(state);
}

// The 8 MB of doubles.
void BM_WriteFsync(benchmark::State& state) { write_fsync(state, kPoints * sizeof(double)); }
// The 1 MB of byte codes.
void BM_WriteFsyncCodes(benchmark::State& state) { write_fsync(state, kPoints); }

BENCHMARK(BM_RawSocket)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Driver)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ScopeToStore)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ScopeToStoreStream)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_ScopeToStoreDoubles)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_JournalToStore)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)
    ->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_WriteFsync)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_WriteFsyncCodes)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(0.5)->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  server();  // listening (and the record acquired on first read) before any timing
  std::map<std::string, double> mb_per_s;  // median, by benchmark
  bench::RecordingReporter reporter([&](const benchmark::BenchmarkReporter::Run& run) {
    // Real time: the sim and the store ingest run on other threads.
    if (run.run_type == benchmark::BenchmarkReporter::Run::RT_Aggregate && run.aggregate_name == "median") {
      const std::string name = run.benchmark_name();
      const std::string bench = name.substr(0, name.find('/'));
      const double points = bench == "BM_ScopeToStoreStream" ? kStreamWaveforms * static_cast<double>(kPoints)
                                                             : static_cast<double>(kPoints);
      mb_per_s[bench] = points / run.GetAdjustedRealTime() * 1e3 / 1e6;
    }
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  if (mb_per_s.count("BM_RawSocket") && mb_per_s.count("BM_ScopeToStore")) {
    const double store = mb_per_s["BM_ScopeToStore"];
    std::printf(
        "\nsummary (median real time): 1 M-point waveform sim -> rigol_ds1000z -> ChannelStore %.0f MB/s one at "
        "a time, %.0f MB/s back to back (aim >= 100 MB/s) %s; driver alone %.0f MB/s; bare socket %.0f MB/s "
        "(%.0f %% of it); "
        "stored as doubles (before) %.0f MB/s; write+fdatasync of 8 MB of doubles %.0f MB/s, of 1 MB of codes "
        "%.0f MB/s\n",
        store, mb_per_s["BM_ScopeToStoreStream"], bench::verdict(mb_per_s["BM_ScopeToStoreStream"] >= 100.0),
        mb_per_s["BM_Driver"], mb_per_s["BM_RawSocket"],
        100.0 * store / mb_per_s["BM_RawSocket"], mb_per_s["BM_ScopeToStoreDoubles"], mb_per_s["BM_WriteFsync"],
        mb_per_s["BM_WriteFsyncCodes"]);
  }
  return 0;
}
