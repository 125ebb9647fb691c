// Kill -9 during a run, many times: every seq the writer saw emit() return
// for must be in the store after recovery, with no duplicates and no gaps,
// and the session must be closed `aborted`.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <sstream>

#include "store/channel_store.hpp"
#include "store/event_store.hpp"
#include "store/recovery.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;

struct Trial {
  std::string session_id;
  std::uint64_t last_reported = 0;
};

Trial run_and_kill(const std::filesystem::path& data_dir, std::chrono::milliseconds kill_after) {
  testing::Process writer({CRASH_WRITER_PATH, data_dir.string()});
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + kill_after;
  while (std::chrono::steady_clock::now() < deadline) output += writer.read_some(5ms);
  writer.kill(SIGKILL);
  writer.wait();
  output += writer.read_all();  // lines written before the kill are in the pipe
  Trial trial;
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("session ", 0) == 0) {
      trial.session_id = line.substr(8);
    } else if (!line.empty() && lines.good()) {  // a line cut by the kill has no newline
      trial.last_reported = std::stoull(line);
    }
  }
  return trial;
}

TEST(Crash, KillNineAtRandomMomentsLosesNothingReported) {
  testing::TempDir dir;
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> delay_ms(1, 150);
  std::vector<Trial> trials;
  const auto budget = std::chrono::steady_clock::now() + 25s;
  for (int i = 0; i < 40 && std::chrono::steady_clock::now() < budget; ++i) {
    trials.push_back(run_and_kill(dir.path(), std::chrono::milliseconds(delay_ms(rng))));
  }
  ASSERT_GE(trials.size(), 10u);

  auto store = store::EventStore::open(dir.path());
  const auto report = store::recover(dir.path(), *store);
  EXPECT_EQ(report.journals_live, 0);

  int with_events = 0;
  for (const auto& trial : trials) {
    if (trial.session_id.empty()) continue;  // killed before the journal existed
    const auto session = store->session(trial.session_id);
    if (trial.last_reported == 0 && !session) continue;  // killed before the first event
    ASSERT_TRUE(session) << trial.session_id;
    ++with_events;
    EXPECT_EQ(session->outcome, "aborted") << trial.session_id;
    EXPECT_TRUE(session->synthetic_end);
    const auto events = store->events({.session_id = trial.session_id, .limit = 100'000'000});
    // Gap-free from 1, no duplicates, ending with the synthetic session.ended.
    ASSERT_FALSE(events.empty());
    for (std::size_t i = 0; i < events.size(); ++i) {
      ASSERT_EQ(events[i].event.seq, i + 1) << trial.session_id;
    }
    EXPECT_GE(events.size(), trial.last_reported + 1) << "a reported event is missing in " << trial.session_id;
    EXPECT_EQ(events.back().event.type, "session.ended");
    EXPECT_EQ(static_cast<std::int64_t>(events.size()), session->event_count);
  }
  EXPECT_GE(with_events, 5);
  // Every waveform stored reads back whole, those kept in files included:
  // a kill between an array's file and its row never leaves a row naming
  // missing or partial bytes.
  store::ChannelStore channels(*store);
  auto arrays = store->db().prepare("SELECT session_id, seq, samples_file IS NOT NULL FROM channel_arrays");
  int in_files = 0;
  while (arrays.step()) {
    const auto array = channels.resolve({"scope.ch1", arrays.column_text(0), arrays.column_int(1)});
    ASSERT_TRUE(array);
    const std::size_t expected = arrays.column_int(2) != 0 ? 16'384 : 256;
    ASSERT_EQ(array->y.size(), expected) << array->ref;
    EXPECT_EQ(array->y.front(), 1.25);
    EXPECT_EQ(array->y.back(), 1.25);
    in_files += static_cast<int>(arrays.column_int(2));
  }
  EXPECT_GT(in_files, 0);
  // A second recovery finds nothing left to do.
  const auto again = store::recover(dir.path(), *store);
  EXPECT_EQ(again.sessions_closed, 0);
  EXPECT_EQ(again.events_replayed, 0u);
}

}  // namespace
}  // namespace litmus
