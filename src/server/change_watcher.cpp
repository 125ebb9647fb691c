#include "server/change_watcher.hpp"

#include <chrono>
#include <exception>
#include <string>

#include "server/log.hpp"
#include "store/event_store.hpp"
#include "store/live_notifier.hpp"

namespace litmus::server {
namespace {

constexpr std::chrono::milliseconds kFallbackPeriod{250};

}  // namespace

ChangeWatcher::ChangeWatcher(const std::filesystem::path& data_dir, std::function<void()> on_change)
    : data_dir_(data_dir),
      on_change_(std::move(on_change)),
      listener_(std::make_unique<store::LiveListener>(data_dir)),
      store_(store::EventStore::open(data_dir, store::EventStore::Mode::read_only)) {
  thread_ = std::thread([this] { run(); });
}

ChangeWatcher::~ChangeWatcher() {
  stopping_ = true;
  store::LiveNotifier(data_dir_).notify();  // wakes run() at once instead of at its next timeout
  thread_.join();
}

void ChangeWatcher::run() {
  std::int64_t version = -1;
  bool failing = false;
  while (!stopping_) {
    const bool woken = listener_->wait(kFallbackPeriod);
    if (stopping_) return;
    try {
      const std::int64_t now = store_->db().data_version();
      failing = false;
      if (woken || now != version) {
        version = now;
        on_change_();
      }
    } catch (const std::exception& e) {
      if (!failing) log_line(std::string("cannot check the store for changes: ") + e.what());
      failing = true;
    }
  }
}

}  // namespace litmus::server
