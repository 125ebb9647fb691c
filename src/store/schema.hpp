#pragma once
// The store's SQL schema (documented in docs/data-model.md).

#include "store/sqlite_db.hpp"

namespace litmus::store {

inline constexpr int kSchemaVersion = 1;

// Creates missing tables and indexes; safe to run from several processes
// at once. Throws StoreError when the file holds a newer schema.
void apply_schema(Database& db);

}  // namespace litmus::store
