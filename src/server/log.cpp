#include "server/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace litmus::server {

void log_line(std::string_view message) {
  static std::mutex mutex;
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  const std::lock_guard lock(mutex);
  std::fprintf(stderr, "%s litmus serve: %.*s\n", stamp, static_cast<int>(message.size()), message.data());
}

}  // namespace litmus::server
