// Writes a small line into the data dir given as argv[1] for the MCP client
// test: serial A fails then passes, B passes, each with a DMM and the
// v_rail measurement; prints the run ids, one per line, oldest first.
#include <iostream>

#include "metrics/line_builder.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mcp_seed_store DATA_DIR\n";
    return 2;
  }
  using litmus::metrics::testing::LineBuilder;
  LineBuilder line{std::filesystem::path(argv[1])};
  const auto dmm = [](const char* serial) {
    return litmus::metrics::testing::InstrumentSpec{"dmm", "TCPIP::10.0.0.5::5025::SOCKET", 0, 50, serial,
                                                    "2027-01-31"};
  };
  line.add({.serial = "A", .start = "2026-11-02T08:00:00Z", .outcome = "failed",
            .steps = {{.path = "Power/Rail", .outcome = "failed", .measurements = {{"v_rail", 3.5, 3.2, 3.4, "failed"}}}},
            .instruments = {dmm("MY1")}})
      .add({.serial = "A", .start = "2026-11-02T09:00:00Z",
            .steps = {{.path = "Power/Rail", .measurements = {{"v_rail", 3.31, 3.2, 3.4}}}},
            .instruments = {dmm("MY2")}})
      .add({.serial = "B", .start = "2026-11-03T08:00:00Z",
            .steps = {{.path = "Power/Rail", .measurements = {{"v_rail", 3.29, 3.2, 3.4}}}},
            .instruments = {dmm("MY2")}});
  for (const auto& run : line.store().runs({.limit = 10, .sort = litmus::store::RunSort::started, .descending = false})) {
    std::cout << run.run_id << '\n';
  }
  return 0;
}
