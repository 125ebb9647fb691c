// A test program exercising the runner: sweeps, limits from the three
// sources, retries, every outcome, and (selected by filter) a crash and a
// hang for the signal tests. Driven by tests/gtest/runner_test.cpp, which
// gives it a project (station, product) in a temp dir.

#include <litmus/gtest.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <fstream>
#include <stdexcept>
#include <thread>

TEST(Sweep, Rail) {
  auto& ctx = litmus::context();
  auto& psu = ctx.instrument<litmus::Psu>("psu");
  auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
  psu.set_voltage(ctx.param("vin"));
  psu.enable_output();
  LITMUS_MEASURE("vin_changed", ctx.changed("vin") ? 1.0 : 0.0);
  LITMUS_VERIFY("v_rail", dmm.measure_dc_voltage());
}

TEST(Sweep, Grid) {
  auto& ctx = litmus::context();
  LITMUS_MEASURE("product", ctx.param("a") * ctx.param("b"));
}

TEST(Judge, OutOfLimits) { LITMUS_VERIFY("v_high", 3.3, {.low = 3.4, .high = 3.6, .units = "V"}); }

TEST(Judge, Guardband) { LITMUS_VERIFY("v_gb", 3.3, {.nominal = 3.3, .units = "V", .tolerance_pct = 5, .guardband_pct = 10}); }

TEST(Judge, FromProduct) {
  auto& dmm = litmus::context().instrument<litmus::Dmm>("dmm");
  LITMUS_VERIFY("r_pullup", dmm.measure_resistance());
}

TEST(Judge, MeasureOnly) {
  // Output the runner copies into run.output events (and still prints).
  std::cout << "reading the temperature\nsensor at 25 C" << std::endl;
  std::cerr << "warning: no airflow" << std::endl;
  LITMUS_MEASURE("temperature", 25.0, "C");
}

TEST(Errors, Throws) {
  LITMUS_MEASURE("before_throw", 1.0);
  throw std::runtime_error("boom");
}

TEST(Errors, NoLimit) { LITMUS_VERIFY("unlimited", 1.0); }

TEST(Errors, Repeated) {
  LITMUS_MEASURE("twice", 1.0, "", {.repeated = true});
  LITMUS_MEASURE("twice", 2.0, "", {.repeated = true});
  LITMUS_MEASURE("once", 1.0);
  LITMUS_MEASURE("once", 2.0);
}

// Fails its first attempt, passes the second: the test YAML allows retries.
TEST(Retry, FlakyOnce) {
  static int calls = 0;
  LITMUS_VERIFY("flaky", ++calls == 1 ? 0.0 : 1.0, {.low = 0.5, .high = 1.5});
}

TEST(Skip, Skipped) { GTEST_SKIP() << "not on this bench"; }

class Fixtured : public ::testing::Test {
 protected:
  double offset_ = 0.25;
};

TEST_F(Fixtured, SeesMember) { LITMUS_VERIFY("offset", offset_, {.low = 0.0, .high = 1.0}); }

TEST(Crash, MidStep) {
  LITMUS_MEASURE("before_crash", 42.0);
  // Still in the capture pipe when the crash comes: the fatal-signal
  // handler must get it to the terminal.
  std::printf("last words before the crash\n");
  std::fflush(stdout);
  std::raise(SIGSEGV);
}

TEST(Hang, UntilSignal) {
  LITMUS_MEASURE("before_signal", 7.0);
  if (const char* marker = std::getenv("LITMUS_SAMPLE_MARKER")) std::ofstream(marker) << "in step\n";
  std::this_thread::sleep_for(std::chrono::seconds(60));
}
