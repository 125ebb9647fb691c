#include "store/journal_ingestor.hpp"

#include "core/event_codec.hpp"
#include "store/event_store.hpp"

namespace litmus::store {

JournalIngestor::JournalIngestor(const std::filesystem::path& journal, std::uint64_t start)
    : reader_(journal, start), session_id_(journal.stem().string()), committed_offset_(start) {}

std::size_t JournalIngestor::ingest_some(EventStore& store, std::uint64_t limit, std::size_t max_batch) {
  if (pending_.empty()) {
    JournalReader::Record record;
    while (pending_.size() < max_batch && reader_.next(record, limit)) {
      pending_end_ = record.end;
      if (record.kind == journal::RecordKind::header) {
        if (auto header = codec::decode_header(record.body)) {
          session_id_ = header->session_id;
        } else {
          decode_problems_.push_back(reader_.path().string() + " at offset " + std::to_string(record.offset) +
                                     ": unreadable header record");
        }
        continue;
      }
      JournalEntry entry;
      if (!codec::decode_event(record.body, entry)) {
        decode_problems_.push_back(reader_.path().string() + " at offset " + std::to_string(record.offset) +
                                   ": event record does not decode");
        continue;
      }
      entry.event.session_id = session_id_;
      last_seq_ = std::max(last_seq_, entry.event.seq);
      pending_.push_back(std::move(entry));
    }
    if (pending_.empty()) {
      // Only headers or undecodable records: nothing to commit, but done.
      committed_offset_ = std::max(committed_offset_, reader_.pos());
      return 0;
    }
  }
  store.ingest(pending_, pending_end_);
  const std::size_t count = pending_.size();
  pending_.clear();
  committed_offset_ = pending_end_;
  return count;
}

std::vector<std::string> JournalIngestor::problems() const {
  std::vector<std::string> out;
  for (const auto& c : reader_.corruptions()) {
    out.push_back(reader_.path().string() + ": " + std::to_string(c.length) + " corrupt bytes skipped at offset " +
                  std::to_string(c.offset));
  }
  out.insert(out.end(), decode_problems_.begin(), decode_problems_.end());
  return out;
}

}  // namespace litmus::store
