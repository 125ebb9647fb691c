// Emits events as fast as it can and prints each seq once emit() has
// returned, so a test that kills it with SIGKILL knows what must survive.
// With a count, it emits that many reads, ends the session and exits
// (the concurrent-writers test).
#include <unistd.h>

#include <chrono>

#include <litmus/event_log.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) return 2;
  const std::uint64_t count = argc == 3 ? std::stoull(argv[2]) : 0;  // 0: until killed
  auto log = litmus::EventLog::create({.data_dir = argv[1]});
  const std::string started = "session " + log->session_id() + "\n";
  if (::write(1, started.data(), started.size()) < 0) return 1;
  log->emit("session.started", {{"station", "crash_bench"}, {"client", "crash_writer"}});
  // Small waveforms stay in their row; every fifth is large enough to be
  // kept in a file of its own (store/array_files.hpp).
  const std::vector<double> samples(256, 1.25);
  const std::vector<double> large_samples(16'384, 1.25);
  for (std::uint64_t i = 0; count == 0 || i < count; ++i) {
    std::uint64_t seq;
    if (i % 10 == 9) {
      seq = log->emit_samples("instrument.read", {{"channel", "scope.ch1"}, {"method", "read_waveform"}},
                              "scope.ch1", i % 50 == 49 ? large_samples : samples, {.role = "scope"});
    } else {
      seq = log->emit_json("instrument.read",
                           R"({"channel":"dmm.voltage","method":"measure_voltage","value":3.3,"units":"V"})",
                           {.role = "dmm"});
    }
    if (count != 0) continue;
    const std::string line = std::to_string(seq) + "\n";
    if (::write(1, line.data(), line.size()) < 0) return 1;
  }
  log->emit("session.ended", {{"outcome", "passed"}});
  return log->wait_for_store(std::chrono::seconds(60)) ? 0 : 1;
}
