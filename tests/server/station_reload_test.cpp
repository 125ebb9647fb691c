// `litmus serve --reload`: the catalog keeps the last good stations when an
// edit breaks a file, and the watcher notices edits to stations/*.yaml and
// litmus.yaml, including a stations/ directory created after the start.

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "config/write_file.hpp"
#include "server/config_watcher.hpp"
#include "server/station_catalog.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kStation = "id: bench_1\nname: Bench 1\ninstruments:\n  dmm:\n    type: dmm\n    mock: true\n";

TEST(StationCatalog, KeepsTheLastGoodStationsWhenAnEditIsInvalid) {
  TempDir project;
  write_file(project / "stations/bench_1.yaml", kStation);
  server::StationCatalog catalog(project.path());
  ASSERT_EQ(catalog.snapshot().stations->size(), 1u);

  write_file(project / "stations/bench_1.yaml", "id: bench_1\nname: [unclosed\n");
  const auto error = catalog.reload();
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("bench_1.yaml"), std::string::npos) << *error;
  const auto snapshot = catalog.snapshot();
  EXPECT_EQ(snapshot.error, *error);
  ASSERT_TRUE(snapshot.stations);
  EXPECT_EQ((*snapshot.stations)[0]["name"], "Bench 1");

  write_file(project / "stations/bench_1.yaml", std::string(kStation) + "location: Lab B\n");
  EXPECT_FALSE(catalog.reload());
  EXPECT_EQ((*catalog.snapshot().stations)[0]["location"], "Lab B");
  EXPECT_EQ(catalog.snapshot().error, "");
}

TEST(StationCatalog, InvalidFromTheStartHasNoStations) {
  TempDir project;
  write_file(project / "stations/bench_1.yaml", "id: other\n");
  const server::StationCatalog catalog(project.path());
  EXPECT_FALSE(catalog.snapshot().stations);
  EXPECT_NE(catalog.snapshot().error, "");
}

class ChangeCounter {
 public:
  void bump() {
    const std::lock_guard lock(mutex_);
    ++count_;
    changed_.notify_all();
  }
  // True once the count exceeds `seen` within 5 s.
  bool wait_beyond(int seen) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, 5s, [&] { return count_ > seen; });
  }
  int count() {
    const std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
};

TEST(ConfigWatcher, SeesStationFilesAndLitmusYaml) {
  TempDir project;
  ChangeCounter changes;
  const server::ConfigWatcher watcher(project.path(), [&] { changes.bump(); });

  write_file(project / "stations/bench_1.yaml", kStation);  // stations/ appears after the start
  ASSERT_TRUE(changes.wait_beyond(0));
  int seen = changes.count();
  write_file(project / "stations/bench_2.yaml", "id: bench_2\n");
  ASSERT_TRUE(changes.wait_beyond(seen));
  seen = changes.count();
  write_file(project / "litmus.yaml", "name: demo\n");
  ASSERT_TRUE(changes.wait_beyond(seen));
  seen = changes.count();
  write_file(project / "notes.txt", "not configuration\n");
  write_file(project / "stations/README", "not a station\n");
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(changes.count(), seen);
}

}  // namespace
}  // namespace litmus::testing
