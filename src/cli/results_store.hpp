#pragma once
// The store as the reading commands (`litmus runs`, `litmus show`) open it:
// without creating anything where nothing was ever recorded, and read-only
// unless the file is from an older release and must be upgraded first.

#include <filesystem>
#include <memory>

#include "store/event_store.hpp"

namespace litmus::cli {

// The store of `data_dir`, or nullptr when it has no litmus.db yet.
// Throws StoreError when the file cannot be opened or upgraded.
std::unique_ptr<store::EventStore> open_results_store(const std::filesystem::path& data_dir);

}  // namespace litmus::cli
