// Memory figures.
//
//   litmus_bench_memory emit [--events N]      peak RSS of a process emitting
//                                              N events (default 10 M) with
//                                              ingest on, whatever the store's pace
//   litmus_bench_memory serve [--litmus PATH]  idle RSS of `litmus serve` 1 s
//                                              after start (empty data dir)
//
// Peak RSS: the largest of VmHWM (/proc/self/status), getrusage ru_maxrss
// and VmRSS sampled 100 times during the run. The emit
// mode does not wait for the store at the end (close drain timeout 1 ms):
// what the store has not ingested stays in the journal for recovery.

#include <sys/resource.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <thread>

#include "bench_util.hpp"
#include "litmus/event_log.hpp"
#include "serve_process.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

int emit_mode(std::uint64_t events) {
  TempDir dir;
  const long before = proc_status_kb("self", "VmRSS");
  std::vector<std::string> payloads;
  for (std::size_t i = 0; i < 1024; ++i) payloads.push_back(read_payload(i));
  EventContext ctx;
  ctx.run_id = "6f1c2a9e-3b7d-4e58-9a21-0c4d5e6f7a8b";
  ctx.role = "dmm";
  ctx.step_path = "PowerRail.Nominal";
  std::uint64_t committed_hint = 0;
  long max_sampled = 0;  // VmRSS sampled 100 times during the run
  double seconds = 0;
  {
    EventLogOptions options;
    options.data_dir = dir.path();
    options.close_drain_timeout = std::chrono::milliseconds(1);
    auto log = EventLog::create(options);
    const std::int64_t t0 = steady_ns();
    const std::uint64_t print_every = std::max<std::uint64_t>(events / 5, 1);
    const std::uint64_t sample_every = std::max<std::uint64_t>(events / 100, 1);
    for (std::uint64_t i = 0; i < events; ++i) {
      log->emit_json(event_type::instrument_read, payloads[i % payloads.size()], ctx);
      if ((i + 1) % sample_every == 0) max_sampled = std::max(max_sampled, proc_status_kb("self", "VmRSS"));
      if ((i + 1) % print_every == 0) {
        std::printf("  after %9llu events: VmRSS %6.1f MB  VmHWM %6.1f MB\n", static_cast<unsigned long long>(i + 1),
                    mb(proc_status_kb("self", "VmRSS")), mb(proc_status_kb("self", "VmHWM")));
        std::fflush(stdout);
      }
    }
    seconds = static_cast<double>(steady_ns() - t0) / 1e9;
    committed_hint = log->last_seq();
  }
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const long hwm = proc_status_kb("self", "VmHWM");
  // The kernel updates VmHWM lazily, so the peak is the largest of the three.
  const long peak = std::max({hwm, static_cast<long>(usage.ru_maxrss), max_sampled});
  std::printf("emitted %llu events in %.1f s (%.0f events/s), ingest on\n",
              static_cast<unsigned long long>(committed_hint), seconds, static_cast<double>(committed_hint) / seconds);
  std::printf("  RSS before the log %.1f MB; VmHWM %.1f MB; ru_maxrss %.1f MB; largest sampled VmRSS %.1f MB\n",
              mb(before), mb(hwm), mb(usage.ru_maxrss), mb(max_sampled));
  std::printf("summary: peak RSS emitting %llu events %.1f MB (aim < 100 MB) %s\n",
              static_cast<unsigned long long>(events), mb(peak), verdict(mb(peak) < 100.0));
  return 0;
}

int serve_mode(const std::filesystem::path& litmus_bin) {
  TempDir root;
  const auto data_dir = root.path() / "data";
  std::filesystem::create_directories(data_dir);
  ServeProcess serve(litmus_bin, data_dir, root.path());
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const std::string pid = std::to_string(serve.pid());
  const long rss = proc_status_kb(pid, "VmRSS");
  const long hwm = proc_status_kb(pid, "VmHWM");
  std::printf("litmus serve idle (pid %s, 1 s after start, empty data dir): VmRSS %.1f MB, VmHWM %.1f MB\n",
              pid.c_str(), mb(rss), mb(hwm));
  std::printf("summary: litmus serve idle RSS %.1f MB (aim < 50 MB) %s\n", mb(rss), verdict(rss > 0 && mb(rss) < 50.0));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const std::string mode = argc > 1 ? argv[1] : "";
  std::uint64_t events = 10'000'000;
  std::filesystem::path litmus_bin =
      std::filesystem::absolute(argv[0]).parent_path().parent_path() / "src" / "cli" / "litmus";
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--events") {
      events = std::stoull(argv[i + 1]);
    } else if (arg == "--litmus") {
      litmus_bin = argv[i + 1];
    }
  }
  try {
    if (mode == "emit") return emit_mode(events);
    if (mode == "serve") return serve_mode(litmus_bin);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "litmus_bench_memory: %s\n", error.what());
    return 1;
  }
  std::cerr << "usage: litmus_bench_memory emit [--events N] | serve [--litmus PATH]\n";
  return 2;
}
