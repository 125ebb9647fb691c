#include "store/recovery.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <system_error>
#include <thread>

#include "core/clock.hpp"
#include "core/data_dir.hpp"
#include "core/event_codec.hpp"
#include "core/journal_writer.hpp"
#include "store/event_store.hpp"
#include "store/journal_ingestor.hpp"

namespace litmus::store {

namespace {

constexpr std::size_t kBatch = 4096;
constexpr int kBusyRetries = 600;  // x 50 ms: give a locked store 30 s

// Ingests everything valid before `limit`, retrying while the store is
// busy. Returns the number of events newly stored.
std::uint64_t ingest_all(JournalIngestor& ingestor, EventStore& store, std::uint64_t limit) {
  std::uint64_t total = 0;
  int busy = 0;
  while (true) {
    try {
      const std::uint64_t before = ingestor.committed_offset();
      const std::size_t n = ingestor.ingest_some(store, limit, kBatch);
      total += n;
      if (n == 0 && ingestor.committed_offset() == before) return total;
    } catch (const BusyError&) {
      if (++busy > kBusyRetries) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

// Runs whose run.started has no run.ended in this session.
std::vector<std::string> open_runs(EventStore& store, const std::string& session_id) {
  auto q = store.db().prepare(
      "SELECT DISTINCT run_id FROM events WHERE session_id = ?1 AND type = 'run.started' AND run_id IS NOT NULL "
      "AND run_id NOT IN (SELECT run_id FROM events WHERE session_id = ?1 AND type = 'run.ended' "
      "AND run_id IS NOT NULL)");
  q.bind(1, session_id);
  std::vector<std::string> runs;
  while (q.step()) runs.push_back(q.column_text(0));
  return runs;
}

void append_synthetic(JournalWriter& journal, std::uint64_t seq, const char* type, const std::string& run_id) {
  Event event;
  event.seq = seq;
  event.ts = now_ns();
  event.type = type;
  event.run_id = run_id;
  event.payload = nlohmann::json{{"outcome", "aborted"},
                                 {"synthetic", true},
                                 {"reason", "the process ended without closing it; closed by recovery"}}
                      .dump();
  std::string record(journal::kHeaderSize, '\0');
  codec::encode_event(event, {}, {}, record);
  journal.append(journal::RecordKind::event, record);
}

}  // namespace

RecoveryReport recover(const std::filesystem::path& data_dir, EventStore& store,
                       const std::function<void(const std::string&)>& progress) {
  RecoveryReport report;
  const auto dir = journal_dir(data_dir);
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) return report;

  std::vector<std::filesystem::path> journals;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".journal" && entry.is_regular_file(error)) journals.push_back(entry.path());
  }
  std::sort(journals.begin(), journals.end());

  for (const auto& path : journals) {
    ++report.journals_scanned;
    const std::string session_id = path.stem().string();
    const std::uint64_t size = std::filesystem::file_size(path, error);
    if (error) continue;  // vanished meanwhile
    const auto known = store.session(session_id);
    if (known && !known->outcome.empty() && store.journal_offset(session_id) >= size) continue;

    auto journal = JournalWriter::reopen(path);  // holds the lock while we work
    if (!journal) {
      ++report.journals_live;
      continue;
    }
    JournalIngestor ingestor(path, store.journal_offset(session_id));
    const std::uint64_t replayed = ingest_all(ingestor, store, journal->size());
    if (replayed > 0) {
      ++report.journals_replayed;
      report.events_replayed += replayed;
      if (progress) progress("replayed " + std::to_string(replayed) + " events of session " + session_id);
    }
    if (ingestor.read_offset() < journal->size()) {
      const std::uint64_t torn = journal->size() - ingestor.read_offset();
      journal->cut_tail(ingestor.read_offset());
      report.problems.push_back(path.string() + ": torn tail of " + std::to_string(torn) + " bytes at offset " +
                                std::to_string(ingestor.read_offset()) + " set aside as " + path.string() +
                                ".torn-" + std::to_string(ingestor.read_offset()));
    }
    for (auto& problem : ingestor.problems()) report.problems.push_back(std::move(problem));

    const auto session = store.session(ingestor.session_id());
    if (session && !session->outcome.empty()) continue;
    const std::uint64_t stored_last = session ? static_cast<std::uint64_t>(session->last_seq) : 0;
    std::uint64_t seq = std::max(stored_last, ingestor.last_seq());
    if (seq == 0) continue;  // the process died before its first event: nothing to close
    for (const auto& run_id : open_runs(store, ingestor.session_id())) {
      append_synthetic(*journal, ++seq, "run.ended", run_id);
    }
    append_synthetic(*journal, ++seq, "session.ended", {});
    journal->sync();
    ingestor.file_changed();
    ingest_all(ingestor, store, journal->size());
    ++report.sessions_closed;
    if (progress) progress("closed session " + ingestor.session_id() + " as aborted");
  }
  return report;
}

}  // namespace litmus::store
