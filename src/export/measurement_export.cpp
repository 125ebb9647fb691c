#include "export/measurement_export.hpp"

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>
#include <vector>

#include "core/json_text.hpp"
#include "core/timestamp.hpp"
#include "export/csv_writer.hpp"
#include "store/shared_snapshot.hpp"

namespace litmus::exporting {

namespace {

enum class Kind { text, integer, real, timestamp, json };

// Where a column comes from: the measurement row itself, its run (the same
// for many rows) or its step attempt's inputs. Run and step values are read
// once per export into maps, not joined on every row: the joins were most
// of the export's time (bench/BENCHMARKS.md §11).
enum class Source { measurement, run, step };

struct Column {
  const char* name;
  const char* sql;  // a measurements column, or the run's column
  Kind kind;
  Source source = Source::measurement;
};

// The first twenty are `litmus show -f csv`'s columns since it existed, in
// its order; later ones were added at the end so positional readers keep
// working.
constexpr Column kColumns[] = {
    {"run_id", "run_id", Kind::text},
    {"dut_serial", "dut_serial", Kind::text, Source::run},
    {"station", "station", Kind::text, Source::run},
    {"step_path", "step_path", Kind::text},
    {"vector_index", "vector_index", Kind::integer},
    {"vector_retry", "vector_retry", Kind::integer},
    {"inputs", "", Kind::json, Source::step},
    {"name", "name", Kind::text},
    {"value", "value", Kind::real},
    {"units", "units", Kind::text},
    {"low", "low", Kind::real},
    {"high", "high", Kind::real},
    {"nominal", "nominal", Kind::real},
    {"comparator", "comparator", Kind::text},
    {"outcome", "outcome", Kind::text},
    {"characteristic_id", "characteristic_id", Kind::text},
    {"spec_ref", "spec_ref", Kind::text},
    {"instrument_role", "instrument_role", Kind::text},
    {"instrument_channel", "instrument_channel", Kind::text},
    {"ts", "ts", Kind::timestamp},
    {"session_id", "session_id", Kind::text},
    {"seq", "seq", Kind::integer},
    {"dut_part_number", "dut_part_number", Kind::text, Source::run},
    {"instrument_resource", "instrument_resource", Kind::text},
    {"instrument_serial", "instrument_serial", Kind::text},
    {"calibration_due", "calibration_due", Kind::text},
    {"dut_pin", "dut_pin", Kind::text},
};
constexpr int kColumnCount = static_cast<int>(std::size(kColumns));

constexpr int count_of(Source source) {
  int n = 0;
  for (const auto& column : kColumns) n += column.source == source;
  return n;
}
// The SELECT's columns: the measurement columns, then the step key.
constexpr int kStepKey = count_of(Source::measurement);

constexpr std::size_t kFlushBytes = 1 << 20;

// One cell: null, or its text as SQLite holds it (numbers are formatted
// by the writers from the typed value).
struct Cell {
  bool null = true;
  std::string text;
};

// The run and step columns of every measurement in scope, by run id and by
// (run id, step path, vector index, vector retry).
struct Context {
  std::map<std::string, std::vector<Cell>, std::less<>> runs;  // cells in kColumns' run-column order
  std::map<std::tuple<std::string, std::string, std::int64_t, std::int64_t>, std::string> inputs;
};

std::string scope_condition(const ExportScope& scope) {
  return scope.run_id.empty() ? "session_id = ?1" : "run_id = ?1";
}

Context read_context(store::Database& db, const ExportScope& scope) {
  const std::string_view id = scope.run_id.empty() ? scope.session_id : scope.run_id;
  Context context;
  std::string run_sql = "SELECT run_id";
  for (const auto& column : kColumns) {
    if (column.source == Source::run) run_sql += std::string(", ") + column.sql;
  }
  run_sql += " FROM runs WHERE " + scope_condition(scope);
  auto runs = db.prepare(run_sql);
  runs.bind(1, id);
  while (runs.step()) {
    auto& cells = context.runs[runs.column_text(0)];
    for (int i = 1; i <= count_of(Source::run); ++i) {
      cells.push_back(runs.is_null(i) ? Cell{} : Cell{false, runs.column_text(i)});
    }
  }
  // Steps of the runs in scope (a session's measurements can only belong
  // to its own runs).
  auto steps = db.prepare(
      "SELECT s.run_id, s.step_path, s.vector_index, s.vector_retry, s.inputs FROM steps s JOIN runs r ON r.run_id = "
      "s.run_id WHERE r." +
      scope_condition(scope) + " AND s.inputs IS NOT NULL");
  steps.bind(1, id);
  while (steps.step()) {
    context.inputs.emplace(std::tuple{steps.column_text(0), steps.column_text(1), steps.column_int(2), steps.column_int(3)},
                           steps.column_text(4));
  }
  return context;
}

// `ranged`: only the rows with seq in [?2, ?3), one chunk of a session.
std::string select_sql(const ExportScope& scope, bool ranged) {
  std::string sql = "SELECT ";
  bool first = true;
  for (const auto& column : kColumns) {
    if (column.source != Source::measurement) continue;
    if (!first) sql += ", ";
    first = false;
    sql += column.sql;
  }
  // The step key, for the inputs.
  sql += ", step_path, vector_index, vector_retry FROM measurements WHERE " + scope_condition(scope) +
         (ranged ? " AND seq >= ?2 AND seq < ?3" : "") + " ORDER BY session_id, seq";
  return sql;
}

void append_double(std::string& out, double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

void append_integer(std::string& out, std::int64_t value) {
  char text[24];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

// The current row's cells, in kColumns order, from the statement or the
// context; valid until the next step().
class RowReader {
 public:
  RowReader(const store::Statement& q, const Context& context) : q_(q), context_(context) {}

  // Calls `cell(i, is_null, text, statement_column)`: for a measurement
  // column `statement_column` >= 0 and typed values are read from the
  // statement; for the others `text` holds the value.
  template <class Fn>
  void for_each(Fn cell) {
    const std::string_view run_id = q_.is_null(0) ? std::string_view() : q_.column_blob(0);
    const auto run = context_.runs.find(run_id);
    const std::string* inputs = step_inputs(run_id);
    int statement_column = 0;
    int run_column = 0;
    for (int i = 0; i < kColumnCount; ++i) {
      switch (kColumns[i].source) {
        case Source::measurement: {
          const int c = statement_column++;
          const bool null = q_.is_null(c);
          // Numbers stay numbers: reading one as text would convert it.
          const bool text = kColumns[i].kind == Kind::text || kColumns[i].kind == Kind::json;
          cell(i, null, null || !text ? std::string_view() : q_.column_blob(c), c);
          break;
        }
        case Source::run: {
          const Cell* value = run != context_.runs.end() ? &run->second[static_cast<std::size_t>(run_column)] : nullptr;
          ++run_column;
          cell(i, value == nullptr || value->null, value ? std::string_view(value->text) : std::string_view(), -1);
          break;
        }
        case Source::step:
          cell(i, inputs == nullptr, inputs ? std::string_view(*inputs) : std::string_view(), -1);
          break;
      }
    }
  }

 private:
  // Consecutive measurements mostly share their step attempt: the last
  // lookup is kept.
  // The key is compared in place first: building it costs two string
  // copies a row.
  const std::string* step_inputs(std::string_view run_id) {
    if (q_.is_null(kStepKey)) return nullptr;
    const std::string_view step_path = q_.column_blob(kStepKey);
    const std::int64_t vector_index = q_.column_int(kStepKey + 1);
    const std::int64_t vector_retry = q_.column_int(kStepKey + 2);
    const auto& [last_run, last_step, last_index, last_retry] = last_key_;
    if (has_last_ && last_run == run_id && last_step == step_path && last_index == vector_index &&
        last_retry == vector_retry) {
      return last_;
    }
    last_key_ = {std::string(run_id), std::string(step_path), vector_index, vector_retry};
    const auto found = context_.inputs.find(last_key_);
    last_ = found != context_.inputs.end() ? &found->second : nullptr;
    has_last_ = true;
    return last_;
  }

  const store::Statement& q_;
  const Context& context_;
  bool has_last_ = false;
  std::tuple<std::string, std::string, std::int64_t, std::int64_t> last_key_;
  const std::string* last_ = nullptr;
};

void append_csv_row(std::string& out, const store::Statement& q, RowReader& row) {
  row.for_each([&](int i, bool null, std::string_view text, int c) {
    if (i > 0) out += ',';
    if (null) return;
    switch (kColumns[i].kind) {
      case Kind::integer:
        append_integer(out, q.column_int(c));
        break;
      case Kind::real:
        append_double(out, q.column_double(c));
        break;
      case Kind::timestamp:
        append_iso8601_utc(out, q.column_int(c));
        break;
      case Kind::text:
      case Kind::json:
        append_csv_field(out, text);
        break;
    }
  });
}

void append_json_row(std::string& out, const store::Statement& q, RowReader& reader) {
  json_text::Object row(out);
  reader.for_each([&](int i, bool null, std::string_view text, int c) {
    const Column& column = kColumns[i];
    if (null) {
      // A text column reads "" when unset, as in the API's rows.
      if (column.kind == Kind::text) {
        row.string(column.name, "");
      } else {
        row.null(column.name);
      }
      return;
    }
    switch (column.kind) {
      case Kind::integer:
      case Kind::timestamp:  // ns since the epoch, as everywhere in the API
        row.integer(column.name, q.column_int(c));
        break;
      case Kind::real:
        row.number(column.name, q.column_double(c));
        break;
      case Kind::json:
        row.raw(column.name, text);  // stored as JSON text by the projection
        break;
      case Kind::text:
        row.string(column.name, text);
        break;
    }
  });
  row.close();
}

// Seq values [from, to) of one session's measurements.
struct SeqRange {
  std::int64_t from;
  std::int64_t to;
};

// Formats the rows in scope (only those in `range` when given) into
// `buffer`, each row ending in '\n' and, in a JSON array, starting with
// ",\n" (the writer drops the first row's comma). `full(buffer)` is called
// whenever the buffer passes kFlushBytes. Returns the number of rows.
template <class Full>
std::int64_t format_rows(store::Database& db, const Context& context, const ExportScope& scope,
                         const SeqRange* range, TableFormat format, std::string& buffer, Full full) {
  auto q = db.prepare(select_sql(scope, range != nullptr));
  q.bind(1, scope.run_id.empty() ? std::string_view(scope.session_id) : std::string_view(scope.run_id));
  if (range) q.bind(2, range->from).bind(3, range->to);
  std::int64_t rows = 0;
  RowReader row(q, context);
  while (q.step()) {
    if (format == TableFormat::csv) {
      append_csv_row(buffer, q, row);
    } else {
      if (format == TableFormat::json) buffer += ",\n";
      append_json_row(buffer, q, row);
    }
    if (format != TableFormat::json) buffer += '\n';
    ++rows;
    if (buffer.size() >= kFlushBytes) full(buffer);
  }
  return rows;
}

// Writes formatted rows to `out`, dropping the comma before a JSON
// array's first row.
class RowWriter {
 public:
  RowWriter(std::ostream& out, TableFormat format) : out_(out), format_(format) {}
  void write(std::string_view rows) {
    if (rows.empty()) return;
    if (format_ == TableFormat::json && !wrote_) rows.remove_prefix(1);
    out_.write(rows.data(), static_cast<std::streamsize>(rows.size()));
    wrote_ = true;
  }
  bool wrote_rows() const { return wrote_; }

 private:
  std::ostream& out_;
  TableFormat format_;
  bool wrote_ = false;
};

// A session's seq span cut into chunks for two readers: ~64 of them, each
// 1 024 to 65 536 seqs wide, so at most a few chunks (a few MB each for
// the largest sessions) are held while the writer waits for the next one.
std::vector<SeqRange> session_chunks(store::Database& db, const std::string& session_id) {
  auto q = db.prepare("SELECT min(seq), max(seq) FROM measurements WHERE session_id = ?1");
  q.bind(1, session_id);
  if (!q.step() || q.is_null(0)) return {};
  const std::int64_t first = q.column_int(0), last = q.column_int(1);
  const std::int64_t width = std::clamp<std::int64_t>((last - first) / 64 + 1, 1024, 65536);
  std::vector<SeqRange> chunks;
  for (std::int64_t from = first; from <= last; from += width) chunks.push_back({from, from + width});
  return chunks;
}

// A session's chunks formatted by two threads, each on its own connection
// (this one on `db`, a worker on `twin`), written in order by this one:
// the export is SQLite reading rows and formatting them, both CPU-bound,
// so a second core cuts it to 60–70 % (bench/BENCHMARKS.md §11). Each thread
// takes the next chunk not yet taken, so a thread slowed by other work on
// the machine takes fewer; none is taken more than kAhead chunks past the
// one being written, which bounds the memory held.
std::int64_t export_chunks(store::Database& db, store::Database& twin, const Context& context,
                           const ExportScope& scope, const std::vector<SeqRange>& chunks, TableFormat format,
                           RowWriter& writer) {
  constexpr std::size_t kAhead = 3;
  struct Chunk {
    std::string text;  // written by the thread that took it, read once ready
    std::int64_t rows = 0;
    bool ready = false;
  };
  std::vector<Chunk> done(chunks.size());
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;     // the next chunk to take
  std::size_t writing = 0;  // the next chunk to write
  bool stop = false;
  std::exception_ptr failure;
  const auto can_take = [&] { return next < chunks.size() && next <= writing + kAhead; };
  // Formats chunk `i` on `connection`, the lock released meanwhile.
  const auto format_chunk = [&](std::unique_lock<std::mutex>& lock, store::Database& connection, std::size_t i) {
    lock.unlock();
    Chunk& chunk = done[i];
    chunk.rows = format_rows(connection, context, scope, &chunks[i], format, chunk.text, [](std::string&) {});
    lock.lock();
    chunk.ready = true;
    changed.notify_all();
  };
  std::thread worker([&] {
    std::unique_lock lock(mutex);
    try {
      while (true) {
        changed.wait(lock, [&] { return stop || can_take() || next >= chunks.size(); });
        if (stop || next >= chunks.size()) return;
        format_chunk(lock, twin, next++);
      }
    } catch (...) {
      if (!lock.owns_lock()) lock.lock();
      failure = std::current_exception();
      changed.notify_all();
    }
  });
  const auto finish = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
    }
    worker.join();
  };
  std::int64_t rows = 0;
  try {
    std::unique_lock lock(mutex);
    while (writing < chunks.size()) {
      if (failure) std::rethrow_exception(failure);
      Chunk& chunk = done[writing];
      if (chunk.ready) {
        lock.unlock();
        rows += chunk.rows;
        writer.write(chunk.text);
        std::string().swap(chunk.text);
        lock.lock();
        ++writing;
        changed.notify_all();
      } else if (can_take()) {
        format_chunk(lock, db, next++);
      } else {
        changed.wait(lock, [&] { return failure || chunk.ready; });
      }
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return rows;
}

}  // namespace

std::int64_t export_measurements(store::Database& db, const ExportScope& scope, TableFormat format, std::ostream& out,
                                 int readers) {
  // Two readers split a session by seq; a run's rows (no index by run)
  // are read by one.
  // One read transaction for the context and every row, so the export is
  // one state of the store.
  const store::SharedSnapshot snapshot(db, readers > 1 && scope.run_id.empty());
  store::Database* twin = snapshot.twin();

  const Context context = read_context(db, scope);
  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  if (format == TableFormat::csv) {
    for (std::size_t i = 0; i < std::size(kColumns); ++i) {
      if (i > 0) buffer += ',';
      buffer += kColumns[i].name;
    }
    buffer += '\n';
  } else if (format == TableFormat::json) {
    buffer += '[';
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
  RowWriter writer(out, format);
  std::int64_t rows = 0;
  const auto chunks = twin ? session_chunks(db, scope.session_id) : std::vector<SeqRange>{};
  if (chunks.size() >= 2) {
    rows = export_chunks(db, *twin, context, scope, chunks, format, writer);
  } else {
    const auto flush = [&](std::string& rows_text) {
      writer.write(rows_text);
      rows_text.clear();
    };
    rows = format_rows(db, context, scope, nullptr, format, buffer, flush);
    flush(buffer);
  }
  if (format == TableFormat::json) out << (writer.wrote_rows() ? "\n]\n" : "]\n");
  out.flush();
  if (!out) throw std::ios_base::failure("cannot write the export");
  return rows;
}

}  // namespace litmus::exporting
