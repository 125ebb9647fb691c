// Several test processes writing the same store at once: nothing lost,
// nothing duplicated, every session gap-free.
#include <gtest/gtest.h>

#include "store/event_store.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

TEST(ConcurrentWriters, FourProcessesAtOnceLoseAndDuplicateNothing) {
  testing::TempDir dir;
  constexpr int kWriters = 4;
  constexpr std::uint64_t kReads = 20000;
  std::vector<std::unique_ptr<testing::Process>> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.push_back(std::make_unique<testing::Process>(
        std::vector<std::string>{CRASH_WRITER_PATH, dir.path().string(), std::to_string(kReads)}));
  }
  std::vector<std::string> sessions;
  for (auto& writer : writers) {
    const std::string out = writer->read_all();
    ASSERT_EQ(writer->wait(), 0) << out;
    ASSERT_EQ(out.rfind("session ", 0), 0u) << out;
    sessions.push_back(out.substr(8, 36));
  }
  auto store = store::EventStore::open(dir.path(), store::EventStore::Mode::read_only);
  for (const auto& id : sessions) {
    const auto events = store->events({.session_id = id, .limit = 1'000'000});
    ASSERT_EQ(events.size(), kReads + 2) << id;  // session.started + reads + session.ended
    for (std::size_t i = 0; i < events.size(); ++i) ASSERT_EQ(events[i].event.seq, i + 1) << id;
    const auto session = store->session(id);
    EXPECT_EQ(session->outcome, "passed");
    EXPECT_EQ(session->event_count, static_cast<std::int64_t>(kReads + 2));
  }
  EXPECT_EQ(store->events({.limit = 1'000'000}).size(), kWriters * (kReads + 2));
}

}  // namespace
}  // namespace litmus
