#pragma once
// `litmus serve` assembled: the store connection the API reads, the live
// stream, the HTTP server, recovery of crashed sessions, change detection
// and (with --reload) the station configuration watcher.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace litmus::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  // 0: any free port
  std::filesystem::path data_dir;
  std::filesystem::path project_root;  // stations/ and litmus.yaml
  bool reload = false;                 // watch the project's configuration
  std::chrono::milliseconds recovery_period{5000};
};

class Server {
 public:
  // Opens (creating if needed) the store, recovers crashed sessions once and
  // binds the port; throws litmus::Error when any of that fails.
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;
  // Serves on the calling thread until stop().
  void run();
  // Callable from any thread, including a signal-waiting one.
  void stop();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace litmus::server
