#include "store/sqlite_db.hpp"

#include <sqlite3.h>

#include <mutex>
#include <utility>

namespace litmus::store {

void throw_sqlite_error(sqlite3* db, int code, const std::filesystem::path& path, std::string_view what) {
  std::string message = "store " + path.string() + ": " + std::string(what) + ": " +
                        (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  const int primary = code & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw BusyError(message);
  throw StoreError(message);
}

namespace {
std::filesystem::path db_path(sqlite3* db) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  return name ? std::filesystem::path(name) : std::filesystem::path("(unknown)");
}
}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) {
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) throw_sqlite_error(db, rc, db_path(db), "cannot prepare '" + std::string(sql) + "'");
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

namespace {
void check_bind(sqlite3_stmt* stmt, int rc) {
  if (rc != SQLITE_OK) {
    sqlite3* db = sqlite3_db_handle(stmt);
    throw_sqlite_error(db, rc, db_path(db), "cannot bind a parameter");
  }
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(stmt_, sqlite3_bind_int64(stmt_, index, value));
  return *this;
}
Statement& Statement::bind(int index, double value) {
  check_bind(stmt_, sqlite3_bind_double(stmt_, index, value));
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  check_bind(stmt_, sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  return *this;
}
Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  check_bind(stmt_, sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT));
  return *this;
}
Statement& Statement::bind_null(int index) {
  check_bind(stmt_, sqlite3_bind_null(stmt_, index));
  return *this;
}
Statement& Statement::bind_text_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  // Leave the statement reusable after a busy error so the caller can retry.
  sqlite3_reset(stmt_);
  throw_sqlite_error(db, rc, db_path(db), "statement failed");
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::column_text(int column) const { return std::string(column_text_view(column)); }
std::string_view Statement::column_text_view(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::string_view Statement::column_blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (!data) return {};
  return std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
std::optional<std::int64_t> Statement::column_optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}
std::optional<double> Statement::column_optional_double(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_double(column);
}

Database::Database(const std::filesystem::path& path, bool read_only, int busy_timeout_ms) : path_(path) {
  // SQLite counts every allocation under one process-wide mutex unless told
  // not to; two threads reading rows (metrics, export) queued on it.
  // Nothing here asks SQLite for its memory figures. Refused (and left as
  // it is) when the process has used SQLite before.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  const int flags = (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) |
                    SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "store " + path.string() + ": cannot open: " +
                          (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Database::~Database() {
  data_version_.reset();
  sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    const int primary = rc & 0xFF;
    std::string full = "store " + path_.string() + ": " + message;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw BusyError(full);
    throw StoreError(full);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

void Database::set_busy_timeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

std::int64_t Database::data_version() {
  if (!data_version_) data_version_ = std::make_unique<Statement>(db_, "PRAGMA data_version");
  data_version_->reset();
  if (!data_version_->step()) return 0;
  std::int64_t version = data_version_->column_int(0);
  data_version_->reset();
  return version;
}

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  db_.exec(nested_ ? "SAVEPOINT litmus_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec(nested_ ? "ROLLBACK TO litmus_nested; RELEASE litmus_nested" : "ROLLBACK");
    } catch (const StoreError&) {
      // The transaction may already be gone (SQLite rolls back on some errors).
    }
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE litmus_nested" : "COMMIT");
  done_ = true;
}

}  // namespace litmus::store
