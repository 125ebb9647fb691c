#pragma once
// Google Benchmark's console output (colour only on a terminal) that also
// hands every run to a callback, so a benchmark program can print a summary
// comparing a benchmark with its same-run baseline.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <functional>
#include <utility>
#include <vector>

namespace litmus::bench {

class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  using Record = std::function<void(const Run&)>;
  explicit RecordingReporter(Record record)
      : ConsoleReporter(::isatty(1) ? OO_Defaults : OO_Tabular), record_(std::move(record)) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) record_(run);
  }

 private:
  Record record_;
};

}  // namespace litmus::bench
