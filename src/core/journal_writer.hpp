#pragma once
// Appends framed records to one session journal. Not thread-safe: EventLog
// serialises callers.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/journal_format.hpp"

namespace litmus {

class JournalWriter {
 public:
  // Creates a new journal for `session_id` (the file must not exist),
  // locks it for this process and writes the header record durably.
  // Throws JournalError naming the path.
  static std::unique_ptr<JournalWriter> create(const std::filesystem::path& path, const std::string& session_id);

  // Opens an existing journal whose writer is gone, to append to it
  // (recovery). Returns nullptr when a live process still holds it.
  static std::unique_ptr<JournalWriter> reopen(const std::filesystem::path& path);

  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  // `record` holds kHeaderSize reserved bytes followed by the body; fills
  // the header in place and appends it all with one write(2). On failure
  // the file is cut back so no partial record stays, and JournalError is
  // thrown. Returns the file size after the record.
  std::uint64_t append(journal::RecordKind kind, std::string& record);

  // Convenience for callers off the hot path.
  std::uint64_t append_body(journal::RecordKind kind, std::string_view body);

  void sync();
  // Cuts the file to `offset` (a record boundary), first copying the bytes
  // cut to `<journal>.torn-<offset>` so nothing on disk is destroyed.
  void cut_tail(std::uint64_t offset);
  std::uint64_t size() const { return size_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  JournalWriter(std::filesystem::path path, int fd, std::uint64_t size);

  std::filesystem::path path_;
  int fd_ = -1;  // O_APPEND, flock'ed for the writer's lifetime
  // Invariant: size_ is the file size and always a record boundary.
  std::uint64_t size_ = 0;
};

}  // namespace litmus
