// Live latency: from emit() in this process to the event arriving on the SSE
// stream (GET /api/stream) of a separate `litmus serve` process.
//
//   litmus_bench_live [--litmus PATH] [--events N] [--rate PER_S] [--dump FILE] [--store-wait 0|1]
//
// Starts `litmus serve --port 0 --data-dir D` (D a fresh temp dir), opens a
// raw-socket SSE client on a reader thread, then emits N instrument.read
// events (EventLog, ingest on, same data dir) at a steady rate, each payload
// carrying its emit time t_emit (CLOCK_REALTIME ns, taken just before
// emit_json()). The reader stamps each recv() with CLOCK_REALTIME; latency =
// arrival - t_emit. Both clocks are the same machine's realtime clock.
// PATH defaults to <dir of this binary>/../src/cli/litmus. --dump writes
// "seq latency_ns" lines (-1: never arrived) for a closer look.
// --store-wait 1 (diagnosis only) also waits after each emit until the
// store writer has committed it and reports that emit -> commit latency
// separately, to tell a slow store writer from a slow server.

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "bench_util.hpp"
#include "litmus/event_log.hpp"
#include "serve_process.hpp"

using namespace litmus;
using namespace litmus::bench;

namespace {

// Pulls the integer after `"key":` in `text`, or -1.
std::int64_t int_after(std::string_view text, std::string_view key) {
  const auto at = text.find(key);
  if (at == std::string_view::npos) return -1;
  std::size_t i = at + key.size();
  std::int64_t v = 0;
  bool any = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    v = v * 10 + (text[i] - '0');
    ++i;
    any = true;
  }
  return any ? v : -1;
}

// Reads the SSE stream; records (bench_seq -> arrival - t_emit).
class SseReader {
 public:
  SseReader(int fd, std::size_t expected) : fd_(fd), latency_(expected + 1, -1) {}

  // Reads the response head; returns the status line.
  std::string read_head() {
    while (head_end_ == std::string::npos) {
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) throw std::runtime_error("stream closed before the response head");
      raw_.append(buf, static_cast<std::size_t>(n));
      head_end_ = raw_.find("\r\n\r\n");
    }
    const std::string head = raw_.substr(0, head_end_);
    std::string lower = head;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    chunked_ = lower.find("transfer-encoding: chunked") != std::string::npos;
    pending_ = raw_.substr(head_end_ + 4);
    raw_.clear();
    return head.substr(0, head.find("\r\n"));
  }

  void run(std::atomic<bool>& stop) {
    feed(realtime_ns());  // bytes that came with the head
    while (!stop.load()) {
      char buf[65536];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      const std::int64_t now = realtime_ns();
      if (n <= 0) break;
      pending_.append(buf, static_cast<std::size_t>(n));
      feed(now);
    }
  }

  std::vector<std::int64_t> latencies() {
    std::lock_guard lock(mutex_);
    return latency_;
  }
  std::size_t received() const { return received_.load(); }

 private:
  // Moves complete chunks (if chunked) from pending_ to body_, then handles
  // each complete SSE event ("...\n\n") in body_.
  void feed(std::int64_t now) {
    if (chunked_) {
      for (;;) {
        const auto line_end = pending_.find("\r\n");
        if (line_end == std::string::npos) break;
        const std::size_t size = std::stoul(pending_.substr(0, line_end), nullptr, 16);
        if (pending_.size() < line_end + 2 + size + 2) break;
        body_.append(pending_, line_end + 2, size);
        pending_.erase(0, line_end + 2 + size + 2);
      }
    } else {
      body_.append(pending_);
      pending_.clear();
    }
    std::size_t start = 0;
    for (;;) {
      const auto end = body_.find("\n\n", start);
      if (end == std::string::npos) break;
      const std::string_view event(body_.data() + start, end - start);
      const std::int64_t seq = int_after(event, "\"bench_seq\":");
      const std::int64_t t_emit = int_after(event, "\"t_emit\":");
      if (seq > 0 && t_emit > 0) {
        std::lock_guard lock(mutex_);
        if (static_cast<std::size_t>(seq) < latency_.size() && latency_[static_cast<std::size_t>(seq)] < 0) {
          latency_[static_cast<std::size_t>(seq)] = now - t_emit;
          ++received_;
        }
      }
      start = end + 2;
    }
    body_.erase(0, start);
  }

  int fd_;
  std::string raw_, pending_, body_;
  std::string::size_type head_end_ = std::string::npos;
  bool chunked_ = false;
  std::mutex mutex_;
  std::vector<std::int64_t> latency_;
  std::atomic<std::size_t> received_{0};
};

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::filesystem::path litmus_bin =
      std::filesystem::absolute(argv[0]).parent_path().parent_path() / "src" / "cli" / "litmus";
  std::size_t events = 2000;
  double rate = 200;
  std::string dump_path;
  bool store_wait = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--litmus") {
      litmus_bin = argv[i + 1];
    } else if (arg == "--events") {
      events = std::stoul(argv[i + 1]);
    } else if (arg == "--rate") {
      rate = std::stod(argv[i + 1]);
    } else if (arg == "--store-wait") {
      store_wait = std::string(argv[i + 1]) == "1";
    } else if (arg == "--dump") {
      dump_path = argv[i + 1];
    } else {
      std::cerr
          << "usage: litmus_bench_live [--litmus PATH] [--events N] [--rate PER_S] [--dump FILE] [--store-wait 0|1]\n";
      return 2;
    }
  }
  try {
    TempDir root;
    const auto data_dir = root.path() / "data";
    std::filesystem::create_directories(data_dir);
    ServeProcess serve(litmus_bin, data_dir, root.path());

    const int fd = connect_local(serve.port());
    const std::string request = "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(serve.port()) +
                                "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
      throw std::runtime_error("cannot send the stream request");
    }
    SseReader reader(fd, events);
    const std::string status = reader.read_head();
    if (status.find(" 200") == std::string::npos) throw std::runtime_error("GET /api/stream answered: " + status);
    std::atomic<bool> stop{false};
    std::thread reader_thread([&] { reader.run(stop); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    EventLogOptions options;
    options.data_dir = data_dir;
    auto log = EventLog::create(options);
    EventContext ctx;
    ctx.role = "dmm";
    ctx.step_path = "PowerRail.Nominal";
    const auto period = std::chrono::nanoseconds(static_cast<std::int64_t>(1e9 / rate));
    auto next = std::chrono::steady_clock::now();
    char payload[256];
    Histogram commit_hist;
    for (std::size_t i = 1; i <= events; ++i) {
      std::this_thread::sleep_until(next);
      next += period;
      const std::int64_t t_emit = realtime_ns();
      const int n = std::snprintf(payload, sizeof payload,
                                  R"({"bench_seq":%zu,"channel":"dmm.voltage_dc","method":"measure_voltage_dc",)"
                                  R"("t_emit":%lld,"units":"V","value":3.3})",
                                  i, static_cast<long long>(t_emit));
      log->emit_json(event_type::instrument_read, std::string_view(payload, static_cast<std::size_t>(n)), ctx);
      if (store_wait) {
        log->wait_for_store(std::chrono::seconds(5));
        commit_hist.record(static_cast<std::uint64_t>(realtime_ns() - t_emit));
      }
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (reader.received() < events && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const long serve_rss = proc_status_kb(std::to_string(serve.pid()), "VmRSS");
    const long serve_hwm = proc_status_kb(std::to_string(serve.pid()), "VmHWM");
    stop.store(true);
    ::shutdown(fd, SHUT_RDWR);
    reader_thread.join();
    ::close(fd);

    Histogram hist;
    std::size_t missing = 0;
    const auto lat = reader.latencies();
    if (!dump_path.empty()) {
      std::ofstream dump(dump_path);
      for (std::size_t i = 1; i <= events; ++i) dump << i << ' ' << lat[i] << '\n';
    }
    for (std::size_t i = 1; i <= events; ++i) {
      if (lat[i] < 0) {
        ++missing;
      } else {
        hist.record(static_cast<std::uint64_t>(std::max<std::int64_t>(lat[i], 0)));
      }
    }
    std::printf("live latency emit() -> SSE (%zu events at %.0f/s, litmus serve pid %d port %d):\n", events, rate,
                static_cast<int>(serve.pid()), serve.port());
    std::printf("  received %zu, missing %zu; litmus serve after the run: VmRSS %.1f MB, VmHWM %.1f MB\n", hist.count(),
                missing, mb(serve_rss), mb(serve_hwm));
    const double p99_ms = static_cast<double>(hist.percentile(0.99)) / 1e6;
    std::printf("  p50=%.2f ms  p99=%.2f ms  max=%.2f ms  min=%.2f ms  mean=%.2f ms\n",
                static_cast<double>(hist.percentile(0.5)) / 1e6, p99_ms, static_cast<double>(hist.max()) / 1e6,
                static_cast<double>(hist.min()) / 1e6, hist.mean() / 1e6);
    if (store_wait) {
      std::printf("  emit -> store commit: p50=%.2f ms  p99=%.2f ms  max=%.2f ms\n",
                  static_cast<double>(commit_hist.percentile(0.5)) / 1e6,
                  static_cast<double>(commit_hist.percentile(0.99)) / 1e6,
                  static_cast<double>(commit_hist.max()) / 1e6);
    }
    std::printf("summary: live p99 %.2f ms (aim <= 50 ms) %s\n", p99_ms,
                verdict(missing == 0 && hist.count() > 0 && p99_ms <= 50.0));
    return missing == 0 ? 0 : 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "litmus_bench_live: %s\n", error.what());
    return 1;
  }
}
