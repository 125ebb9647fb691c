#include "cli/results_store.hpp"

#include "core/data_dir.hpp"
#include "store/schema.hpp"

namespace litmus::cli {

std::unique_ptr<store::EventStore> open_results_store(const std::filesystem::path& data_dir) {
  if (!std::filesystem::exists(store_path(data_dir))) return nullptr;
  auto results = store::EventStore::open(data_dir, store::EventStore::Mode::read_only);
  if (store::schema_version(results->db()).value_or(0) >= store::kSchemaVersion) return results;
  // A store of an older release lacks the run tables: upgrading fills them
  // from its events, once, as any writer of this release would.
  results.reset();
  return store::EventStore::open(data_dir, store::EventStore::Mode::read_write);
}

}  // namespace litmus::cli
