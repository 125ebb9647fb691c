#pragma once
// `litmus serve --reload`: watches the project's litmus.yaml and stations/
// with inotify and calls back (on its own thread) once a burst of changes
// settles, so an editor's save-by-rename counts as one change.

#include <filesystem>
#include <functional>
#include <thread>

namespace litmus::server {

class ConfigWatcher {
 public:
  // Throws litmus::Error when inotify is unavailable.
  ConfigWatcher(std::filesystem::path project_root, std::function<void()> on_change);
  ~ConfigWatcher();
  ConfigWatcher(const ConfigWatcher&) = delete;
  ConfigWatcher& operator=(const ConfigWatcher&) = delete;

 private:
  void run();
  bool drain();  // reads pending inotify events; true when one concerns the config
  void watch_stations_dir();

  std::filesystem::path root_;
  std::function<void()> on_change_;
  int inotify_fd_ = -1;
  int stop_fd_ = -1;  // eventfd that wakes run() for shutdown
  int root_watch_ = -1;
  int stations_watch_ = -1;
  std::thread thread_;
};

}  // namespace litmus::server
