// The store writer turns SQLite's inline auto-checkpoint off; the WAL must
// still be checkpointed (by the Checkpointer thread) so it stays bounded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "litmus/event_log.hpp"
#include "support/temp_dir.hpp"

namespace litmus::store {
namespace {

using namespace std::chrono_literals;

TEST(Checkpointer, KeepsTheWalBoundedWhileTheWriterCommits) {
  litmus::testing::TempDir dir;
  auto log = EventLog::create({.data_dir = dir.path()});
  const std::string filler(2000, 'x');
  // ~80 MB of events: without checkpoints the WAL would hold all of them
  // (~180 MB with index pages). The bound below leaves room for a loaded
  // machine, where a checkpoint can lag the writer by a few batches.
  for (int i = 0; i < 40000; ++i) {
    log->emit("test.bulk", {{"i", i}, {"filler", filler}});
    if (i % 2000 == 1999) {
      ASSERT_TRUE(log->wait_for_store(30s));  // many commits, not one
    }
  }
  ASSERT_TRUE(log->wait_for_store(30s));
  const auto wal = dir.path() / "litmus.db-wal";
  ASSERT_TRUE(std::filesystem::exists(wal));
  EXPECT_LT(std::filesystem::file_size(wal), 96u << 20) << "the WAL was not checkpointed";
  EXPECT_GT(std::filesystem::file_size(dir.path() / "litmus.db"), 60u << 20) << "pages were not copied back";
}

}  // namespace
}  // namespace litmus::store
