// The test program the browser tests run while a page is open: a few steps
// against the demo project's mock bench (a swept DMM step, a scope
// waveform, console output), then a step that holds the run in flight until
// the test creates the file named by LITMUS_E2E_GATE — so the page is
// checked while the run is RUNNING, deterministically — and a last verify
// that fails when LITMUS_E2E_FAIL is set. With LITMUS_E2E_FAIL, Power/Current
// also fails its first attempt and passes the retry e2e_program.yaml allows,
// so a run in flight has a retried step before the gate.

#include <litmus/gtest.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

namespace {

void wait_for_gate() {
  const char* gate = std::getenv("LITMUS_E2E_GATE");
  if (gate == nullptr || *gate == '\0') return;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!std::filesystem::exists(gate) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

// Three vectors (vin) from e2e_program.yaml.
TEST(Power, Rail) {
  auto& ctx = litmus::context();
  auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
  LITMUS_VERIFY("v_rail", dmm.measure_voltage(), {.low = 3.2, .high = 3.4, .units = "V"});
}

TEST(Power, Current) {
  auto& dmm = litmus::context().instrument<litmus::Dmm>("dmm");
  static int attempts = 0;
  const bool fail_first = std::getenv("LITMUS_E2E_FAIL") != nullptr && attempts++ == 0;
  const double current = dmm.measure_current();
  LITMUS_VERIFY("i_load", fail_first ? 1.0 : current, {.low = 0.1, .high = 0.15, .units = "A"});
}

TEST(Signals, Waveform) {
  auto& scope = litmus::context().instrument<litmus::Scope>("scope");
  const litmus::Waveform wave = scope.read_waveform("ch1");
  const auto [low, high] = std::minmax_element(wave.samples.begin(), wave.samples.end());
  LITMUS_VERIFY("vpp", *high - *low, {.low = 1.5, .high = 2.5, .units = "V"});
}

TEST(Console, Output) {
  std::cout << "hello from stdout\nsecond stdout line" << std::endl;
  std::cerr << "warning: printed on stderr" << std::endl;
  LITMUS_MEASURE("temperature", 25.0, "C");
}

TEST(Gate, Hold) {
  std::cout << "holding for the browser test" << std::endl;
  wait_for_gate();
  LITMUS_MEASURE("held", 1.0);
}

TEST(Final, Judge) {
  const double v = std::getenv("LITMUS_E2E_FAIL") != nullptr ? 5.0 : 3.3;
  LITMUS_VERIFY("v_final", v, {.low = 3.2, .high = 3.4, .units = "V"});
}
