// Keeps the demo alive for `make run`: a new mock session every few
// seconds, with DMM reads and scope waveforms spread over it, so the page
// has something moving on first open. Stops on SIGINT/SIGTERM, ending the
// current session as `terminated`.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <litmus/litmus.hpp>
#include <random>
#include <string>
#include <thread>

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

bool sleep_interruptibly(std::chrono::milliseconds total) {
  const auto step = std::chrono::milliseconds(50);
  for (auto slept = std::chrono::milliseconds(0); slept < total; slept += step) {
    if (g_stop) return false;
    std::this_thread::sleep_for(step);
  }
  return !g_stop;
}
}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const int sessions = argc > 1 ? std::atoi(argv[1]) : 0;  // 0: forever
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int> serial(1000, 9999);
  for (int n = 0; (sessions == 0 || n < sessions) && !g_stop; ++n) {
    try {
      auto station = litmus::connect(
          "bench_1", {.mock = true, .operator_name = "demo", .dut_serial = "SN" + std::to_string(serial(rng))});
      std::cout << "session " << station.session_id() << std::endl;
      auto& dmm = station.instrument<litmus::Dmm>("dmm");
      auto& scope = station.instrument<litmus::Scope>("scope");
      for (int i = 0; i < 20 && !g_stop; ++i) {
        dmm.measure_voltage();
        if (i % 2 == 0) dmm.measure_current();
        if (i % 5 == 4) scope.read_waveform("ch1");
        if (!sleep_interruptibly(std::chrono::milliseconds(250))) break;
      }
      station.stop(g_stop ? litmus::Outcome::terminated : litmus::Outcome::passed);
    } catch (const std::exception& e) {
      std::cerr << "demo_station: " << e.what() << std::endl;
      return 1;
    }
    sleep_interruptibly(std::chrono::milliseconds(1500));
  }
  return 0;
}
