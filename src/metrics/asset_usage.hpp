#pragma once
// The Assets lens: how much each instrument (role and resource) was
// connected in the window and its share of all connected time, with the
// identity and calibration it last reported (docs/metrics.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

struct AssetUsageRow {
  std::string role;
  std::string resource;
  std::string type;
  bool mocked = false;
  std::int64_t sessions = 0;
  double connected_s = 0;  // clipped to the window
  std::optional<double> share;  // of all connected seconds
  // From the latest connection's instrument.connected event.
  std::string manufacturer;
  std::string model;
  std::string serial;
  std::string calibration_due;  // YYYY-MM-DD, empty when unknown
};

struct AssetReport {
  double connected_s = 0;  // all rows
  std::vector<AssetUsageRow> rows;  // most connected first
};

// Connections of sessions that hold a run the filter selects. A connection
// still open ends at its session's end, else at the window's end (until,
// else `now_ns`).
AssetReport asset_usage(store::Database& db, const MetricsFilter& filter, std::int64_t now_ns);

}  // namespace litmus::metrics
