#pragma once
// RunFacts: what the run-level lenses (yield, trend, retest, time loss,
// Pareto by product) need of each selected run, loaded once in start
// order. 100 000 runs are a few MB, and computing in C++ keeps the
// definitions (first run of a serial, nearest-rank P95) plain to read.

#include <cstdint>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

struct RunFacts {
  std::string run_id;
  std::string serial;  // empty when the run named no DUT serial
  std::int64_t started_ts = 0;
  std::int64_t duration_ns = 0;
  std::string outcome;  // a litmus::Outcome name
  std::string product;  // product key
  std::string station;  // station key
  std::string fixture;
  std::string program;
  std::string git_commit;
  // False for a run aborted before any step started: the DUT was not
  // tested, so the run counts toward neither pass nor fail of its serial.
  bool tested = true;
};

// The filtered, finished runs, oldest first (ties by run id).
std::vector<RunFacts> load_run_facts(store::Database& db, const MetricsFilter& filter);

}  // namespace litmus::metrics
