#include "server/config_watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

#include "litmus/error.hpp"
#include "server/log.hpp"

namespace litmus::server {
namespace {

constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
// Editors write a file in several steps; wait for this much quiet first.
constexpr int kSettleMs = 150;

bool is_yaml(std::string_view name) { return name.ends_with(".yaml") || name.ends_with(".yml"); }

}  // namespace

ConfigWatcher::ConfigWatcher(std::filesystem::path project_root, std::function<void()> on_change)
    : root_(std::move(project_root)), on_change_(std::move(on_change)) {
  inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  stop_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (inotify_fd_ < 0 || stop_fd_ < 0) {
    const std::string reason = std::strerror(errno);
    if (inotify_fd_ >= 0) ::close(inotify_fd_);
    if (stop_fd_ >= 0) ::close(stop_fd_);
    throw Error("cannot watch " + root_.string() + " for changes: " + reason);
  }
  root_watch_ = ::inotify_add_watch(inotify_fd_, root_.c_str(), kMask);
  if (root_watch_ < 0) {
    const std::string reason = std::strerror(errno);
    ::close(inotify_fd_);
    ::close(stop_fd_);
    throw Error("cannot watch " + root_.string() + " for changes: " + reason);
  }
  watch_stations_dir();
  thread_ = std::thread([this] { run(); });
}

ConfigWatcher::~ConfigWatcher() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(stop_fd_, &one, sizeof one);
  thread_.join();
  ::close(inotify_fd_);
  ::close(stop_fd_);
}

void ConfigWatcher::watch_stations_dir() {
  // stations/ may not exist yet; the root watch sees it appear.
  stations_watch_ = ::inotify_add_watch(inotify_fd_, (root_ / "stations").c_str(), kMask | IN_ONLYDIR);
}

bool ConfigWatcher::drain() {
  bool relevant = false;
  alignas(inotify_event) std::array<char, 8192> buffer;
  for (;;) {
    const ssize_t n = ::read(inotify_fd_, buffer.data(), buffer.size());
    if (n <= 0) return relevant;  // EAGAIN: drained
    for (ssize_t offset = 0; offset < n;) {
      inotify_event event;
      std::memcpy(&event, buffer.data() + offset, sizeof event);
      const std::string_view name(event.len ? buffer.data() + offset + sizeof event : "");
      const std::string_view file = name.substr(0, name.find('\0'));
      offset += static_cast<ssize_t>(sizeof event + event.len);
      if (event.wd == root_watch_) {
        if (file == "litmus.yaml") relevant = true;
        if (file == "stations") {
          relevant = true;
          if (event.mask & (IN_CREATE | IN_MOVED_TO)) watch_stations_dir();
        }
      } else if (event.wd == stations_watch_) {
        if (event.mask & IN_IGNORED) stations_watch_ = -1;  // the directory went away
        if (is_yaml(file)) relevant = true;
      }
    }
  }
}

void ConfigWatcher::run() {
  std::array<pollfd, 2> fds{pollfd{inotify_fd_, POLLIN, 0}, pollfd{stop_fd_, POLLIN, 0}};
  bool pending = false;
  for (;;) {
    const int ready = ::poll(fds.data(), fds.size(), pending ? kSettleMs : -1);
    if (ready < 0 && errno != EINTR) {
      log_line(std::string("config watcher stopped: ") + std::strerror(errno));
      return;
    }
    if (fds[1].revents & POLLIN) return;
    if (ready > 0 && (fds[0].revents & POLLIN)) {
      pending = drain() || pending;
    } else if (ready == 0 && pending) {
      pending = false;
      on_change_();
    }
  }
}

}  // namespace litmus::server
