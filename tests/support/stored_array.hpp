#pragma once
// What channel_arrays keeps of one array: its encoding and how many bytes
// of samples it holds, in its row or in its file (store/array_files.hpp).

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/event_store.hpp"

namespace litmus::testing {

struct StoredArray {
  std::string encoding;
  std::size_t bytes = 0;         // of samples, wherever they are
  std::size_t inline_bytes = 0;  // in the row's `samples` (0 when in a file)
  std::int64_t length = 0;
  std::string file;              // samples_file, relative to arrays/; empty when inline
};

// The array of event `seq` of `session`; with seq 0, the first row found.
// An empty StoredArray when there is none.
inline StoredArray stored_array(store::EventStore& store, const std::string& session = {}, std::uint64_t seq = 0) {
  auto q = store.db().prepare(
      "SELECT encoding, length(samples), length, samples_file FROM channel_arrays "
      "WHERE (?1 = '' OR session_id = ?1) AND (?2 = 0 OR seq = ?2) ORDER BY session_id, seq LIMIT 1");
  q.bind(1, session).bind(2, static_cast<std::int64_t>(seq));
  if (!q.step()) return {};
  const auto inline_bytes = static_cast<std::size_t>(q.column_int(1));
  StoredArray out{q.column_text(0), inline_bytes, inline_bytes, q.column_int(2), q.is_null(3) ? "" : q.column_text(3)};
  if (!out.file.empty()) {
    out.bytes = static_cast<std::size_t>(std::filesystem::file_size(store.path().parent_path() / "arrays" / out.file));
  }
  return out;
}

}  // namespace litmus::testing
