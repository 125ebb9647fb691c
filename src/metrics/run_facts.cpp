#include "metrics/run_facts.hpp"

#include <algorithm>
#include <cstring>

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

void RunFactsTable::sort_by_start() {
  std::sort(runs_.begin(), runs_.end(), [](const RunFacts& a, const RunFacts& b) {
    if (a.started_ts != b.started_ts) return a.started_ts < b.started_ts;
    return a.run_id < b.run_id;
  });
}

RunFactsTable load_run_facts(store::Database& db, const MetricsFilter& filter, RunTexts texts) {
  std::string columns =
      "r.started_ts, r.duration_ns, r.outcome, "
      "CASE WHEN r.outcome = 'aborted' THEN EXISTS(SELECT 1 FROM steps st WHERE "
      "st.run_id = r.run_id AND st.started_ts IS NOT NULL) ELSE 1 END";
  // The run id orders runs that started in the same nanosecond.
  if (texts != RunTexts::none) columns += ", r.dut_serial, r.run_id";
  if (texts == RunTexts::all) {
    columns += std::string(", ") + kProductKeySql + ", " + kStationKeySql + ", r.fixture, r.program, r.git_commit";
  }
  const RunSelection selection = select_runs(filter, columns);
  // In table order, sorted here: ordered by the start index, SQLite looked
  // every run up at random in the table, 2-3x the time of this scan.
  auto q = db.prepare(selection.sql);
  selection.bind(q);
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
      row.product = q.column_text_view(6);
      row.station = q.column_text_view(7);
      row.fixture = q.column_text_view(8);
      row.program = q.column_text_view(9);
      row.git_commit = q.column_text_view(10);
    }
    table.add(run, row);
  }
  table.sort_by_start();
  return table;
}

}  // namespace litmus::metrics
