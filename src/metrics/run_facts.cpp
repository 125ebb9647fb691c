#include "metrics/run_facts.hpp"

#include <algorithm>
#include <cstring>

#include "core/side_by_side.hpp"
#include "store/shared_snapshot.hpp"

namespace litmus::metrics {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

}  // namespace

std::string_view RunFactsTable::copy(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > chunk_free_) {
    const std::size_t size = std::max(kChunkBytes, text.size());
    chunks_.push_back(std::make_unique<char[]>(size));
    chunk_next_ = chunks_.back().get();
    chunk_free_ = size;
  }
  char* at = chunk_next_;
  std::memcpy(at, text.data(), text.size());
  chunk_next_ += text.size();
  chunk_free_ -= text.size();
  return {at, text.size()};
}

void TextIds::grow() {
  std::vector<std::uint32_t> slots(std::max<std::size_t>(64, slots_.size() * 2), kEmpty);
  for (std::uint32_t id = 0; id < texts_.size(); ++id) {
    std::size_t slot = std::hash<std::string_view>()(texts_[id]) & (slots.size() - 1);
    while (slots[slot] != kEmpty) slot = (slot + 1) & (slots.size() - 1);
    slots[slot] = id;
  }
  slots_ = std::move(slots);
}

void RunFactsTable::add(RunFacts facts, const Texts& texts) {
  const auto keep = [this](std::string_view text) { return copy(text); };
  facts.run_id = copy(texts.run_id);
  facts.serial = texts.serial.empty() ? kNoSerial : serials_.intern(texts.serial, keep);
  const auto label = [&](std::string_view text) { return text.empty() ? 0 : labels_.intern(text, keep) + 1; };
  facts.product = label(texts.product);
  facts.station = label(texts.station);
  facts.fixture = label(texts.fixture);
  facts.program = label(texts.program);
  facts.git_commit = label(texts.git_commit);
  runs_.push_back(facts);
}

void RunFactsTable::append(RunFactsTable&& other) {
  // Other's texts stay where they are: its chunks become ours.
  const auto keep = [](std::string_view text) { return text; };
  std::vector<std::uint32_t> serials(other.serials_.size());
  for (std::uint32_t id = 0; id < serials.size(); ++id) serials[id] = serials_.intern(other.serials_[id], keep);
  std::vector<std::uint32_t> labels(other.labels_.size() + 1, 0);  // by label id
  for (std::uint32_t id = 0; id < other.labels_.size(); ++id) labels[id + 1] = labels_.intern(other.labels_[id], keep) + 1;
  runs_.reserve(runs_.size() + other.runs_.size());
  for (RunFacts run : other.runs_) {
    if (run.serial != kNoSerial) run.serial = serials[run.serial];
    run.product = labels[run.product];
    run.station = labels[run.station];
    run.fixture = labels[run.fixture];
    run.program = labels[run.program];
    run.git_commit = labels[run.git_commit];
    runs_.push_back(run);
  }
  for (auto& chunk : other.chunks_) chunks_.push_back(std::move(chunk));
  other = RunFactsTable();
}

void RunFactsTable::sort_by_start() {
  std::sort(runs_.begin(), runs_.end(), [](const RunFacts& a, const RunFacts& b) {
    if (a.started_ts != b.started_ts) return a.started_ts < b.started_ts;
    return a.run_id < b.run_id;
  });
}

namespace {

// The runs of `selection` whose rowid is in (`after`, `upto`], read into a
// table in table order.
RunFactsTable read_run_facts(store::Database& db, const RunSelection& selection, RunTexts texts,
                             std::int64_t after, std::int64_t upto) {
  auto q = db.prepare(selection.sql);
  const int bound = selection.bind(q);
  q.bind(bound, after);
  q.bind(bound + 1, upto);
  RunFactsTable table;
  while (q.step()) {
    RunFacts run;
    run.started_ts = q.column_int(0);
    run.duration_ns = q.column_int(1);
    run.outcome = outcome_from_string(q.column_text_view(2));
    run.tested = q.column_int(3) != 0;
    RunFactsTable::Texts row;
    if (texts != RunTexts::none) {
      row.serial = q.column_text_view(4);
      row.run_id = q.column_text_view(5);
    }
    if (texts == RunTexts::all) {
      row.product = store::run_key(q.column_text_view(6), q.column_text_view(7));
      row.station = store::run_key(q.column_text_view(8), q.column_text_view(9));
      row.fixture = q.column_text_view(10);
      row.program = q.column_text_view(11);
      row.git_commit = q.column_text_view(12);
    }
    table.add(run, row);
  }
  return table;
}

std::int64_t last_rowid(store::Database& db) {
  auto q = db.prepare("SELECT max(rowid) FROM runs");
  return q.step() ? q.column_int(0) : 0;
}

}  // namespace

RunFactsTable load_run_facts(store::Database& db, const MetricsFilter& filter, RunTexts texts,
                             std::int64_t split_from, int* readers) {
  std::string columns =
      "r.started_ts, r.duration_ns, r.outcome, "
      "CASE WHEN r.outcome = 'aborted' THEN EXISTS(SELECT 1 FROM steps st WHERE "
      "st.run_id = r.run_id AND st.started_ts IS NOT NULL) ELSE 1 END";
  // The run id orders runs that started in the same nanosecond.
  if (texts != RunTexts::none) columns += ", r.dut_serial, r.run_id";
  if (texts == RunTexts::all) {
    // The product and station keys are made by store::run_key: in SQL
    // (kProductKeySql), each was a copy SQLite allocated per row.
    columns += ", r.dut_part_number, r.product, r.hostname, r.station, r.fixture, r.program, r.git_commit";
  }
  RunSelection selection = select_runs(filter, columns);
  // In table order, sorted here: ordered by the start index, SQLite looked
  // every run up at random in the table, 2-3x the time of this scan. The
  // rowid range is the half a thread reads; with a window, "+" keeps it
  // from displacing the start index SQLite picks for that.
  const bool windowed = filter.since_ns || filter.until_ns;
  selection.sql += windowed ? " AND +r.rowid > ? AND +r.rowid <= ?" : " AND r.rowid > ? AND r.rowid <= ?";

  // A second connection only for a store big enough to split (looked at
  // before the snapshot, so only a hint; `last` is the snapshot's).
  store::SharedSnapshot snapshot(db, /*want_twin=*/last_rowid(db) >= split_from);
  const std::int64_t last = last_rowid(db);
  store::Database* twin = last >= split_from ? snapshot.twin() : nullptr;
  if (readers != nullptr) *readers = twin == nullptr ? 1 : 2;
  RunFactsTable table;
  if (twin == nullptr) {
    table = read_run_facts(db, selection, texts, 0, last);
  } else {
    // Both halves are SQLite decoding rows and this interning texts, CPU
    // bound: on two cores the load takes a little over half the time
    // (bench/BENCHMARKS.md §10).
    const std::int64_t middle = last / 2;
    RunFactsTable later;
    run_side_by_side([&] { table = read_run_facts(db, selection, texts, 0, middle); },
                     [&] { later = read_run_facts(*twin, selection, texts, middle, last); });
    table.append(std::move(later));
  }
  table.sort_by_start();
  return table;
}

}  // namespace litmus::metrics
