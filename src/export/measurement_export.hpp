#pragma once
// Measurement rows with their run and step context, streamed out of the
// store as CSV, a JSON array or JSON Lines (`litmus export`, `litmus show
// -f csv`; columns in docs/export.md). Rows go out in the order they were
// measured, a buffer (or, with two readers, a few chunks of a few MB) at
// a time: the memory held does not grow with the number of rows.

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
//
// The export reads in one read transaction (one state of the store). With
// `readers` 2, a session's rows are read and formatted by two threads on
// two connections seeing that same state (a second read-only connection to
// db.path()), in seq chunks written in order: the same bytes as one
// reader, in 60-70 % of the time when a second core is free. A run's rows,
// an in-memory store or a caller's open transaction use one reader.
std::int64_t export_measurements(store::Database& db, const ExportScope& scope, TableFormat format, std::ostream& out,
                                 int readers = 2);

}  // namespace litmus::exporting
