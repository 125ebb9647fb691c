// Baseline for the memory figures: a trivial program that links the same
// library (Litmus::litmus, with EventLog and the store writer pulled in) and
// reports its resident memory without doing anything.
//
//   litmus_bench_trivial

#include <cstdio>

#include "bench_util.hpp"
#include "litmus/event_log.hpp"

int main() {
  // Keep EventLog::create (and with it the journal, store writer, SQLite)
  // in the link, as a test program would.
  auto* volatile create = &litmus::EventLog::create;
  (void)create;
  std::printf("trivial program linking Litmus::litmus: VmRSS %.1f MB, VmHWM %.1f MB\n",
              litmus::bench::mb(litmus::bench::proc_status_kb("self", "VmRSS")),
              litmus::bench::mb(litmus::bench::proc_status_kb("self", "VmHWM")));
  return 0;
}
