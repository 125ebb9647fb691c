#pragma once
// Thin RAII wrapper over sqlite3: a connection and prepared statements.
// Errors become StoreError with the database path and SQLite's message.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "litmus/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace litmus::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  // Bind by 1-based index. Empty strings bind as given (use bind_null for NULL).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, const void* data, std::size_t size);
  Statement& bind_null(int index);
  // Binds NULL for an empty string.
  Statement& bind_text_or_null(int index, std::string_view text);

  // Advances; true while a row is available. Throws StoreError on failure
  // (SQLITE_BUSY included: callers that retry catch BusyError).
  bool step();
  void reset();  // resets and clears bindings

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  // Valid until the next step(), reset() or column call on this column.
  std::string_view column_text_view(int column) const;
  std::string_view column_blob(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;
  std::optional<double> column_optional_double(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock.
class BusyError : public StoreError {
 public:
  using StoreError::StoreError;
};

class Database {
 public:
  // Opens with WAL mode, a busy timeout and foreign keys off. read_only
  // connections never create the file.
  Database(const std::filesystem::path& path, bool read_only, int busy_timeout_ms = 5000);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t changes() const;
  void set_busy_timeout(int milliseconds);
  // PRAGMA data_version: changes when another connection commits.
  std::int64_t data_version();
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> data_version_;
};

// Throws StoreError (or BusyError) naming `path` for a non-OK code.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, const std::filesystem::path& path, std::string_view what);

// BEGIN IMMEDIATE … COMMIT, rolled back unless commit() is called. Opened
// inside a transaction already (a caller batching several ingests into one
// commit), it is a savepoint instead: commit() keeps its work for the outer
// transaction, and without commit() only its own work is undone.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool nested_ = false;
  bool done_ = false;
};

}  // namespace litmus::store
