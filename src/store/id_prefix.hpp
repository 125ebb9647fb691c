#pragma once
// Ids as people type them: a full UUID, or a unique prefix of at least 8
// characters, any case (what `litmus show 5f0c2a8e` and the API accept).

#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_db.hpp"

namespace litmus::store {

// Thrown when an id prefix matches more than one row.
class AmbiguousId : public StoreError {
 public:
  AmbiguousId(const std::string& message, std::vector<std::string> candidates)
      : StoreError(message), candidates_(std::move(candidates)) {}
  // Some of the matching ids (at most kMaxCandidates), sorted.
  const std::vector<std::string>& candidates() const { return candidates_; }

  static constexpr int kMaxCandidates = 10;

 private:
  std::vector<std::string> candidates_;
};

// Shortest prefix accepted: 8 hex digits make collisions rare.
inline constexpr std::size_t kMinIdPrefix = 8;

// Smallest string greater than every string starting with `prefix`
// ("" when there is none), for `column >= prefix AND column < bound`.
std::string prefix_upper_bound(std::string prefix);

// The id in `table`.`column` that `id_or_prefix` names: a full UUID is
// returned as is (lower-cased) without a look-up; a shorter text of at
// least kMinIdPrefix characters must be the prefix of exactly one id.
// Returns "" when nothing matches; throws AmbiguousId (naming `what`, e.g.
// "session") when several do. `table` and `column` are trusted literals.
std::string resolve_id_prefix(Database& db, std::string_view table, std::string_view column,
                              std::string_view id_or_prefix, std::string_view what);

}  // namespace litmus::store
