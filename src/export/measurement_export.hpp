#pragma once
// Measurement rows with their run and step context, streamed out of the
// store as CSV, a JSON array or JSON Lines (`litmus export`, `litmus show
// -f csv`; columns in docs/export.md). Rows go out in the order they were
// measured, a buffer at a time, so a million rows need no more memory
// than one.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "store/sqlite_db.hpp"

namespace litmus::exporting {

enum class TableFormat { csv, json, jsonl };

// Exactly one is set: the measurements of one run, or of every run (and
// outside any run) of one session. Full ids.
struct ExportScope {
  std::string run_id;
  std::string session_id;
};

// Returns the number of rows written. Throws store::StoreError on a read
// failure, std::ios_base::failure when `out` cannot be written.
std::int64_t export_measurements(store::Database& db, const ExportScope& scope, TableFormat format, std::ostream& out);

}  // namespace litmus::exporting
