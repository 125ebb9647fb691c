#include "store/shared_snapshot.hpp"

#include <sqlite3.h>

namespace litmus::store {

namespace {

// A deferred transaction takes its snapshot at its first read.
void start_read(Database& db) { db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").step(); }

}  // namespace

SharedSnapshot::SharedSnapshot(Database& db, bool want_twin) : db_(db) {
  if (sqlite3_get_autocommit(db.handle()) == 0) return;
  want_twin = want_twin && !db.path().empty() && db.path() != ":memory:";
  std::int64_t before = 0;
  if (want_twin) {
    try {
      twin_ = std::make_unique<Database>(db.path(), /*read_only=*/true);
      before = twin_->data_version();
    } catch (const StoreError&) {
      twin_.reset();
    }
  }
  db.exec("BEGIN");
  try {
    start_read(db);
  } catch (...) {
    end();
    throw;
  }
  active_ = true;
  if (!twin_) return;
  try {
    twin_->exec("BEGIN");
    start_read(*twin_);
    if (twin_->data_version() != before) twin_.reset();  // a commit fell in between
  } catch (const StoreError&) {
    twin_.reset();
  }
}

SharedSnapshot::~SharedSnapshot() {
  if (active_) end();
}

void SharedSnapshot::end() { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }  // a read: nothing to lose

}  // namespace litmus::store
