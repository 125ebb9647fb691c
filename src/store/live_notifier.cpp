#include "store/live_notifier.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/data_dir.hpp"
#include "litmus/error.hpp"

namespace litmus::store {

namespace {

// Unix socket paths are limited to 107 bytes; a deeper data dir gets no
// wake-ups (the server then falls back to polling data_version).
bool fill_address(const std::filesystem::path& path, sockaddr_un& address) {
  std::memset(&address, 0, sizeof(address));
  address.sun_family = AF_UNIX;
  const std::string text = path.string();
  if (text.size() >= sizeof(address.sun_path)) return false;
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  return true;
}

}  // namespace

LiveNotifier::LiveNotifier(const std::filesystem::path& data_dir) : socket_path_(live_socket_path(data_dir)) {
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

LiveNotifier::~LiveNotifier() {
  if (fd_ >= 0) ::close(fd_);
}

void LiveNotifier::notify() {
  sockaddr_un address{};
  if (fd_ < 0 || !fill_address(socket_path_, address)) return;
  const char byte = 1;
  // Without a listener this fails (ENOENT, ECONNREFUSED); a full queue
  // (EAGAIN) means the server already has a wake-up pending. Both are fine.
  (void)::sendto(fd_, &byte, 1, MSG_DONTWAIT, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
}

LiveListener::LiveListener(const std::filesystem::path& data_dir) : socket_path_(live_socket_path(data_dir)) {
  sockaddr_un address{};
  if (!fill_address(socket_path_, address)) {
    throw Error("live socket path " + socket_path_.string() + " is too long for a Unix socket (max 107 bytes)");
  }
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw Error(std::string("cannot create the live socket: ") + std::strerror(errno));
  ::unlink(socket_path_.c_str());  // a stale socket from a server that died
  if (::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    throw Error("cannot bind the live socket " + socket_path_.string() + ": " + std::strerror(error));
  }
}

LiveListener::~LiveListener() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(socket_path_.c_str());
  }
}

bool LiveListener::wait(std::chrono::milliseconds timeout) {
  pollfd pfd{fd_, POLLIN, 0};
  int rc = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (rc <= 0) return false;
  char buffer[64];
  bool any = false;
  while (::recv(fd_, buffer, sizeof(buffer), MSG_DONTWAIT) > 0) any = true;
  return any;
}

}  // namespace litmus::store
