#pragma once
// SharedSnapshot: one read transaction on a connection and, when it can be
// had, a second read-only connection (the twin) whose transaction sees
// exactly the same state of the store, so a reader can split its work over
// two threads (CSV export, the run-level metrics).
//
// Debian's SQLite is built without sqlite3_snapshot_open, so: `db`'s
// transaction starts between two data_version reads of the twin, the later
// one inside the twin's own transaction; equal, nothing was committed in
// between and the two see the same. No twin when they differ, the twin
// cannot be opened or read (it is only a speed-up), `db` is in memory, or
// a caller's transaction is open on `db` (its snapshot may predate ours;
// then no transaction of our own either).

#include <memory>

#include "store/sqlite_db.hpp"

namespace litmus::store {

class SharedSnapshot {
 public:
  // Starts the read on `db` (throws StoreError when it cannot), and the
  // twin's when `want_twin`.
  SharedSnapshot(Database& db, bool want_twin);
  ~SharedSnapshot();
  SharedSnapshot(const SharedSnapshot&) = delete;
  SharedSnapshot& operator=(const SharedSnapshot&) = delete;

  // nullptr when there is none; else for one other thread's use until the
  // destructor.
  Database* twin() const { return twin_.get(); }

 private:
  void end();

  Database& db_;
  std::unique_ptr<Database> twin_;
  bool active_ = false;  // our transaction is open on db_
};

}  // namespace litmus::store
