#include "server/server.hpp"

#include <atomic>
#include <optional>

#include "server/change_watcher.hpp"
#include "server/config_watcher.hpp"
#include "server/http_server.hpp"
#include "server/log.hpp"
#include "server/recovery_loop.hpp"
#include "server/router.hpp"
#include "server/station_catalog.hpp"
#include "server/stream_hub.hpp"
#include "store/event_store.hpp"

namespace litmus::server {
namespace {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace

// Declared in dependency order: destruction stops the threads (watchers,
// recovery) before the server loop and the store they feed go away.
struct Server::Parts {
  explicit Parts(const ServeOptions& options)
      : store(store::EventStore::open(options.data_dir, store::EventStore::Mode::read_write)),
        hub(*store),
        stations(options.project_root),
        router(*store, stations, options.data_dir),
        recovery(options.data_dir, options.recovery_period),
        http(HttpServerOptions{options.host, options.port}, router, hub),
        changes(options.data_dir, [this] { on_store_change(); }) {
    if (const auto snapshot = stations.snapshot(); !snapshot.error.empty()) {
      log_line("station configuration: " + snapshot.error);
    }
    if (options.reload) {
      config_watcher.emplace(options.project_root, [this] {
        if (const auto error = stations.reload()) {
          log_line("configuration changed but is invalid, keeping the previous one: " + *error);
        } else {
          log_line("configuration reloaded");
        }
      });
    }
  }

  // Called on the watcher's thread, possibly in bursts: at most one publish
  // is queued on the server loop at a time.
  void on_store_change() {
    if (publish_queued.exchange(true)) return;
    http.post([this] {
      publish_queued = false;
      hub.publish();
    });
  }

  std::unique_ptr<store::EventStore> store;  // used on the server loop only
  StreamHub hub;
  StationCatalog stations;
  Router router;
  RecoveryLoop recovery;
  HttpServer http;
  std::atomic<bool> publish_queued{false};
  ChangeWatcher changes;
  std::optional<ConfigWatcher> config_watcher;
};

Server::Server(ServeOptions options) {
  parts_ = std::make_unique<Parts>(options);
  if (!is_loopback(options.host)) {
    log_line("warning: listening on " + options.host +
             ", reachable from other machines, without authentication; anyone who can connect can read every "
             "recorded event");
  }
}

Server::~Server() = default;

std::uint16_t Server::port() const { return parts_->http.port(); }

void Server::run() { parts_->http.run(); }

void Server::stop() { parts_->http.stop(); }

}  // namespace litmus::server
