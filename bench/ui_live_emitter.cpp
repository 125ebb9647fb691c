// A test program's live traffic for bench/ui_bench.mjs: one session with one
// run that measures at a steady rate for a while, through the real EventLog
// (journal, background store writer), so `litmus serve` on the same data
// dir streams it to the pages that follow the run.
//
//   litmus_bench_ui_emitter --data-dir DIR [--seconds S] [--rate PER_S] [--serial SN] [--steps N]
//
// The measurements are spread over N steps (default 10): each step's end
// and the next one's start are events the pages react to as well.
//
// Prints "run <run_id> session <session_id>" on stdout as soon as the run
// has started (the driver opens /live/<run_id> then), and "done" at the
// end. Each measurement event carries its emit time as the event's ts:
// the page measures emit -> screen from it.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "litmus/event_log.hpp"
#include "litmus/version.hpp"

using nlohmann::json;

int main(int argc, char** argv) {
  std::string data_dir;
  double seconds = 20;
  double rate = 20;
  std::string serial = "SN-UI-1";
  int step_count = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--data-dir") data_dir = argv[i + 1];
    else if (flag == "--seconds") seconds = std::atof(argv[i + 1]);
    else if (flag == "--rate") rate = std::atof(argv[i + 1]);
    else if (flag == "--serial") serial = argv[i + 1];
    else if (flag == "--steps") step_count = std::atoi(argv[i + 1]);
    else {
      std::cerr << "unknown option " << flag << '\n';
      return 2;
    }
  }
  if (data_dir.empty() || seconds <= 0 || rate <= 0 || step_count <= 0) {
    std::cerr << "usage: litmus_bench_ui_emitter --data-dir DIR [--seconds S > 0] [--rate PER_S > 0] [--serial SN] [--steps N > 0]\n";
    return 2;
  }
  auto log = litmus::EventLog::create({.data_dir = data_dir});
  const std::string run_id = "b0b0b0b0-" + log->session_id().substr(9);
  const litmus::EventContext run{.run_id = run_id};
  log->emit("session.started", {{"station", "bench_ui"}, {"hostname", "bench-host"}, {"dut_serial", serial},
                                {"operator", "bench"}, {"litmus_version", std::string(litmus::version())}});
  log->emit("run.started", {{"dut_serial", serial}, {"dut_part_number", "PSU-100"}, {"station", "bench_ui"},
                            {"project", "bench"}, {"phase", "development"}},
            run);
  json steps = json::array();
  for (int s = 0; s < step_count; ++s) steps.push_back({{"step_path", "Sweep/Point" + std::to_string(s)}, {"vectors", 1}});
  log->emit("test.steps_discovered", {{"steps", steps}}, run);
  std::cout << "run " << run_id << " session " << log->session_id() << std::endl;

  const auto period = std::chrono::duration<double>(1.0 / rate);
  const auto total = static_cast<long>(seconds * rate);
  auto next = std::chrono::steady_clock::now();
  long emitted = 0;
  for (int s = 0; s < step_count; ++s) {
    const litmus::EventContext step{.run_id = run_id, .step_path = "Sweep/Point" + std::to_string(s), .vector_index = 0};
    log->emit("test.step_started", {{"inputs", json::object()}, {"vector_retry", 0}}, step);
    for (long m = 0; m < total / step_count + (s < total % step_count ? 1 : 0); ++m, ++emitted) {
      log->emit("test.measurement",
                {{"name", "v_out"},
                 {"value", 3.3 + static_cast<double>(emitted % 100) * 1e-3},
                 {"units", "V"},
                 {"outcome", "passed"},
                 {"vector_retry", 0},
                 {"limit", {{"low", 3.0}, {"high", 3.6}, {"comparator", "GELE"}, {"units", "V"}}}},
                step);
      next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(period);
      std::this_thread::sleep_until(next);
    }
    log->emit("test.step_ended", {{"outcome", "passed"}, {"vector_retry", 0}, {"duration_ns", 1'000'000}}, step);
  }
  log->emit("run.ended", {{"outcome", "passed"}}, run);
  log->emit("session.ended", {{"outcome", "passed"}});
  std::cout << "done" << std::endl;
  return 0;
}
