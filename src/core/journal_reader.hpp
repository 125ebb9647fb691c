#pragma once
// Reads the records of a journal, validating each one's CRC.
//
// A record that fails its checks makes the reader search forward, byte by
// byte, for the next record whose checksum holds. If one is found, the
// bytes skipped are reported as corruption and reading goes on from there;
// if none is found before the limit, those bytes are the torn tail: next()
// returns false and leaves pos() at the tail's start, so a later call with
// a higher limit (a file still being written) resumes cleanly. The reader
// never throws for bad bytes; only I/O errors throw (JournalError).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal_format.hpp"

namespace litmus {

class JournalReader {
 public:
  struct Record {
    journal::RecordKind kind{};
    std::string_view body;  // valid until the next call to next()
    std::uint64_t offset = 0;  // of the record's header
    std::uint64_t end = 0;     // just past the record
  };
  struct Corruption {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
  };

  // Opens `path` read-only. Throws JournalError when it cannot.
  explicit JournalReader(const std::filesystem::path& path, std::uint64_t start = 0);
  ~JournalReader();
  JournalReader(const JournalReader&) = delete;
  JournalReader& operator=(const JournalReader&) = delete;

  // The next valid record that ends at or before `limit`; false when none.
  bool next(Record& out, std::uint64_t limit);
  // Same, up to the current end of the file.
  bool next(Record& out);

  std::uint64_t file_size() const;
  // Forgets bytes read ahead; needed after the file was cut or rewritten
  // behind pos() (recovery cuts a torn tail, then appends).
  void drop_cache() { window_.clear(); }
  // Offset just past the last record returned (where a torn tail starts).
  std::uint64_t pos() const { return pos_; }
  const std::vector<Corruption>& corruptions() const { return corruptions_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  // Makes [offset, offset + size) available in window_; false past `limit`.
  bool fetch(std::uint64_t offset, std::size_t size, std::uint64_t limit, std::string_view& out);
  // Checks for a whole valid record at `offset`; fills `out` when so.
  bool record_at(std::uint64_t offset, std::uint64_t limit, Record& out);

  std::filesystem::path path_;
  int fd_ = -1;
  std::uint64_t pos_ = 0;
  // A copy of the file's bytes [window_start_, window_start_ + window_.size()).
  std::string window_;
  std::uint64_t window_start_ = 0;
  std::vector<Corruption> corruptions_;
};

}  // namespace litmus
