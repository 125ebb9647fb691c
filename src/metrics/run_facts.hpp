#pragma once
// RunFactsTable: what the run-level lenses (yield, trend, retest, time
// loss) need of each selected run, loaded once in start order.
//
// 100 000 runs are read per request, so a run holds no string of its own:
// its serial is a dense number (the lenses count per serial in a vector,
// not a map of strings), its grouping and provenance texts are interned
// ids (equal ids <=> equal texts, which is all "nothing changed" needs),
// and its run id points into the table's arena. That took the lenses'
// own time from about half of a request to a small part of it
// (bench/BENCHMARKS.md §10).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/outcome.hpp"
#include "metrics/metrics_filter.hpp"
#include "store/sqlite_db.hpp"

namespace litmus::metrics {

struct RunFacts {
  std::int64_t started_ts = 0;
  std::int64_t duration_ns = 0;
  std::string_view run_id;  // the table's copy; empty with RunTexts::none
  // RunFactsTable::kNoSerial when the run named no DUT serial; else
  // 0 .. serial_count() - 1.
  std::uint32_t serial = 0;
  // RunFactsTable::label() ids.
  std::uint32_t product = 0;  // product key
  std::uint32_t station = 0;  // station key
  std::uint32_t fixture = 0;
  std::uint32_t program = 0;
  std::uint32_t git_commit = 0;
  std::optional<Outcome> outcome;  // nullopt: a name this build does not know
  // False for a run aborted before any step started: the DUT was not
  // tested, so the run counts toward neither pass nor fail of its serial.
  bool tested = true;
};

// Texts numbered densely in the order first seen. Open addressing over the
// ids, so finding a text is a hash and, mostly, one compare: the node map
// this replaced spent more time in cache misses than SQLite in the rows.
class TextIds {
 public:
  // The id of `text`, which the table's arena keeps when it is new.
  template <typename Keep>
  std::uint32_t intern(std::string_view text, Keep&& keep) {
    if (texts_.size() * 2 >= slots_.size()) grow();
    std::size_t slot = std::hash<std::string_view>()(text) & (slots_.size() - 1);
    while (slots_[slot] != kEmpty) {
      if (texts_[slots_[slot]] == text) return slots_[slot];
      slot = (slot + 1) & (slots_.size() - 1);
    }
    const auto id = static_cast<std::uint32_t>(texts_.size());
    texts_.push_back(keep(text));
    slots_[slot] = id;
    return id;
  }
  std::size_t size() const { return texts_.size(); }
  std::string_view operator[](std::uint32_t id) const { return texts_[id]; }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFF'FFFF;
  void grow();

  std::vector<std::string_view> texts_;  // by id
  std::vector<std::uint32_t> slots_;     // ids; a power of two of them, at most half used
};

class RunFactsTable {
 public:
  static constexpr std::uint32_t kNoSerial = 0xFFFF'FFFF;

  // The texts of one run, copied by add(). An empty serial is no serial.
  struct Texts {
    std::string_view run_id;
    std::string_view serial;
    std::string_view product;
    std::string_view station;
    std::string_view fixture;
    std::string_view program;
    std::string_view git_commit;
  };

  RunFactsTable() = default;
  RunFactsTable(const RunFactsTable&) = delete;  // runs point into the arena
  RunFactsTable& operator=(const RunFactsTable&) = delete;
  RunFactsTable(RunFactsTable&&) = default;
  RunFactsTable& operator=(RunFactsTable&&) = default;

  // Appends a run; `started_ts`, `duration_ns`, `outcome` and `tested` are
  // taken from `facts`, the texts from `texts`.
  void add(RunFacts facts, const Texts& texts);
  // Moves `other`'s runs to the end of this table, its texts interned
  // here (its arena is taken over, not copied).
  void append(RunFactsTable&& other);
  // Oldest first, ties by run id: the order every lens reads.
  void sort_by_start();

  const std::vector<RunFacts>& runs() const { return runs_; }
  std::size_t serial_count() const { return serials_.size(); }
  std::string_view serial(std::uint32_t id) const { return serials_[id]; }
  // Label 0 is "".
  std::string_view label(std::uint32_t id) const { return id == 0 ? std::string_view() : labels_[id - 1]; }

 private:
  std::string_view copy(std::string_view text);

  std::vector<RunFacts> runs_;
  TextIds serials_;
  TextIds labels_;  // label id - 1
  // The arena: chunks never move, so views into them stay valid when the
  // table is moved or grows.
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_next_ = nullptr;  // the free tail of the last chunk
  std::size_t chunk_free_ = 0;
};

// What a lens reads beyond each run's start, duration, outcome and
// whether it tested its DUT: the fewer texts, the less of each run row is
// decoded and copied.
enum class RunTexts {
  none,    // trend, time loss: no serials (kNoSerial), labels "", no run ids
  serial,  // yield: serials and run ids (they order equal starts), labels ""
  all,     // retest: serials, run ids and labels
};

// From this many runs in the store up, load_run_facts reads the runs
// table in two halves on two threads (below, a thread costs more than it
// saves).
inline constexpr std::int64_t kSplitRunsFrom = 20'000;

// The filtered, finished runs, oldest first (ties by run id). With
// `split_from` runs or more in the store, read in two halves on two
// connections of one snapshot (store::SharedSnapshot) when it can be had;
// `readers`, when given, is set to the number of connections that read.
RunFactsTable load_run_facts(store::Database& db, const MetricsFilter& filter, RunTexts texts,
                             std::int64_t split_from = kSplitRunsFrom, int* readers = nullptr);

}  // namespace litmus::metrics
