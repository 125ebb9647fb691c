// Benchmark 8: a SCPI query's round trip through ScpiConnection and the
// TCP socket transport, against a bare socket write + read of the same
// bytes. Both talk to the same in-process loopback instrument, which
// answers "MEAS:VOLT?" with "+1.23456789E+00\n".
//
//   litmus_bench_scpi [google-benchmark flags]
//
// The difference is what ScpiConnection adds per query: the deadline, the
// poll() before each read, the reply buffer and its copy. Aim: <= 1.5x bare.

#include <benchmark/benchmark.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <chrono>
#include <stdexcept>
#include <string>

#include "litmus/scpi_connection.hpp"
#include "transport/loopback_responder.hpp"

namespace {

using litmus::testing::LoopbackResponder;

constexpr std::string_view kCommand = "MEAS:VOLT?\n";
constexpr std::string_view kReply = "+1.23456789E+00\n";

// One instrument for both benchmarks; it serves one connection at a time,
// and each benchmark closes its own before the next one starts.
LoopbackResponder& instrument() {
  static LoopbackResponder responder;
  static const bool scripted = [] {
    responder.on("MEAS:VOLT?", LoopbackResponder::raw(std::string(kReply)));
    return true;
  }();
  static_cast<void>(scripted);
  return responder;
}

void BM_scpi_connection_query(benchmark::State& state) {
  litmus::ScpiConnection io(litmus::open_transport(instrument().resource(), std::chrono::milliseconds(2000)));
  for (auto _ : state) benchmark::DoNotOptimize(io.query("MEAS:VOLT?"));
}

void BM_bare_socket_query(benchmark::State& state) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(instrument().port()));
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    throw std::runtime_error("bare socket: connect failed");
  }
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
  char buffer[256];
  for (auto _ : state) {
    if (::write(fd, kCommand.data(), kCommand.size()) != static_cast<ssize_t>(kCommand.size())) break;
    std::size_t got = 0;
    while (got == 0 || buffer[got - 1] != '\n') {
      const ssize_t n = ::read(fd, buffer + got, sizeof(buffer) - got);
      if (n <= 0) throw std::runtime_error("bare socket: read failed");
      got += static_cast<std::size_t>(n);
    }
    benchmark::DoNotOptimize(buffer);
  }
  ::close(fd);
}

}  // namespace

BENCHMARK(BM_bare_socket_query)->UseRealTime();
BENCHMARK(BM_scpi_connection_query)->UseRealTime();

BENCHMARK_MAIN();
