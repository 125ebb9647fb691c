#pragma once
// Feeds one journal into the EventStore, in batches, from a given offset.
// Shared by the live StoreWriter (which tails the journal its process is
// writing) and recovery (which replays journals of dead processes).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/journal_entry.hpp"
#include "core/journal_reader.hpp"

namespace litmus::store {

class EventStore;

class JournalIngestor {
 public:
  // Starts reading at `start` (0 = the beginning; the header record is
  // read there). The session id comes from the header, else the file name.
  JournalIngestor(const std::filesystem::path& journal, std::uint64_t start);

  // Reads valid records before `limit` and commits up to `max_batch`
  // events in one transaction. Returns the number of events committed (0
  // when nothing new). A BusyError leaves the batch pending for the next
  // call, so nothing read is lost.
  std::size_t ingest_some(EventStore& store, std::uint64_t limit, std::size_t max_batch);

  // The journal was cut or rewritten past read_offset(): reread from disk.
  void file_changed() { reader_.drop_cache(); }

  // Journal offset up to which everything is committed.
  std::uint64_t committed_offset() const { return committed_offset_; }
  // Offset where reading stopped (after the last valid record seen).
  std::uint64_t read_offset() const { return reader_.pos(); }
  const std::string& session_id() const { return session_id_; }
  std::uint64_t last_seq() const { return last_seq_; }
  // Problems found so far, with file and offset: corrupt stretches skipped
  // and records that did not decode.
  std::vector<std::string> problems() const;

 private:
  JournalReader reader_;
  std::string session_id_;
  std::vector<JournalEntry> pending_;
  std::uint64_t pending_end_ = 0;  // journal offset just past pending_
  std::uint64_t committed_offset_ = 0;
  std::uint64_t last_seq_ = 0;
  std::vector<std::string> decode_problems_;
};

}  // namespace litmus::store
