#pragma once
// Large arrays (waveforms) kept in files of their own beside the store:
//   <data_dir>/arrays/<session_id>/<seq>.bin
// instead of inside litmus.db. Inside SQLite each byte was written three
// times — the journal, the WAL, the checkpoint into the database — and the
// two SQLite copies were most of the cost of storing a 1 M-point waveform
// (bench/BENCHMARKS.md §7). A file is written once.
//
// Crash story. The store writer writes and fdatasyncs the file before it
// commits the channel_arrays row that names it, so a committed row never
// names bytes that are not on disk. A crash between the two leaves a file
// without a row; the journal still holds the event, its replay rewrites the
// same file (the name follows from (session, seq), so a replay is
// idempotent) and commits the row. The row keeps the bytes' CRC32C, so a
// file damaged or cut short later is reported, never read as samples.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace litmus::store {

// Arrays of this many bytes or more go to a file; smaller ones stay in
// their row, where a file would cost more than it saves.
inline constexpr std::size_t kArrayFileFromBytes = 64 * 1024;

class ArrayFiles {
 public:
  explicit ArrayFiles(std::filesystem::path data_dir);

  // The name (relative to the arrays directory) the array of event `seq` of
  // `session_id` is kept under; nullopt when the session id cannot name a
  // directory (not a UUID: a foreign journal), and the array stays inline.
  static std::optional<std::string> name_for(std::string_view session_id, std::uint64_t seq);

  // Writes `bytes` under `name` (replacing any earlier attempt) and makes
  // them durable before returning. Throws StoreError naming the file.
  void write(const std::string& name, std::string_view bytes);

  // The bytes kept under `name`, checked against the size and CRC32C their
  // row recorded. Throws StoreError naming `what` (the claim check) and the
  // file when the name is malformed or the file is missing, short, long or
  // damaged.
  std::string read(const std::string& name, std::size_t expected_bytes, std::uint32_t expected_crc,
                   std::string_view what) const;

  std::filesystem::path path_of(const std::string& name) const { return dir_ / name; }

 private:
  const std::filesystem::path dir_;  // <data_dir>/arrays
  // The last session directory known to exist (and synced into its
  // parent), so each array does not ask the file system again.
  std::string known_session_dir_;
};

}  // namespace litmus::store
