#include "store/id_prefix.hpp"

#include "core/uuid.hpp"

namespace litmus::store {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string prefix_upper_bound(std::string prefix) {
  while (!prefix.empty()) {
    auto& last = prefix.back();
    if (static_cast<unsigned char>(last) != 0xFF) {
      ++last;
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

std::string resolve_id_prefix(Database& db, std::string_view table, std::string_view column,
                              std::string_view id_or_prefix, std::string_view what) {
  const std::string id = lower(id_or_prefix);
  if (is_uuid(id)) return id;
  if (id.size() < kMinIdPrefix) return {};
  const std::string col(column);
  auto q = db.prepare("SELECT " + col + " FROM " + std::string(table) + " WHERE " + col + " >= ?1 AND " + col +
                      " < ?2 ORDER BY " + col + " LIMIT " + std::to_string(AmbiguousId::kMaxCandidates + 1));
  q.bind(1, id).bind(2, prefix_upper_bound(id));
  std::vector<std::string> found;
  while (q.step()) found.push_back(q.column_text(0));
  if (found.empty()) return {};
  if (found.size() == 1) return found.front();
  const bool more = found.size() > static_cast<std::size_t>(AmbiguousId::kMaxCandidates);
  if (more) found.pop_back();
  std::string message = std::string(what) + " id prefix '" + id + "' matches more than one " + std::string(what) + ":";
  for (const auto& candidate : found) message += " " + candidate;
  if (more) message += " …";
  throw AmbiguousId(message, std::move(found));
}

}  // namespace litmus::store
