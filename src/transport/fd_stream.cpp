#include "transport/fd_stream.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace litmus::transport {

namespace {

// One read() at most this much: the stack buffer it goes through.
constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

int poll_timeout_ms(Deadline deadline) {
  const auto left = deadline - std::chrono::steady_clock::now();
  if (left <= std::chrono::steady_clock::duration::zero()) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
}

bool wait_ready(int fd, short events, Deadline deadline) {
  pollfd entry{fd, events, 0};
  while (true) {
    const int n = ::poll(&entry, 1, poll_timeout_ms(deadline));
    if (n > 0) return true;
    if (n == 0) {
      // poll() may wake a little early; only a passed deadline is a timeout.
      if (std::chrono::steady_clock::now() >= deadline) return false;
      continue;
    }
    if (errno != EINTR) return true;  // let the read/write report it
  }
}

void FdStream::lost(std::string_view what, int error) const {
  throw ConnectionLost(resource_ + ": " + std::string(what) + (error != 0 ? ": " + std::string(std::strerror(error)) : ""));
}

void FdStream::send(std::string_view bytes, Deadline deadline) const {
  while (!bytes.empty()) {
    const ssize_t n = socket_ ? ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL)
                              : ::write(fd_, bytes.data(), bytes.size());
    if (n >= 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) lost("write failed", errno);
    if (!wait_ready(fd_, POLLOUT, deadline)) {
      throw TransportTimeout(resource_ + ": could not send " + std::to_string(bytes.size()) +
                             " bytes before the deadline (the instrument is not reading)");
    }
  }
}

void FdStream::receive(std::string& out, std::size_t max_bytes, Deadline deadline) const {
  std::array<char, kChunk> chunk;
  const std::size_t want = std::min(max_bytes, chunk.size());
  while (true) {
    if (!wait_ready(fd_, POLLIN, deadline)) throw TransportTimeout(resource_ + ": nothing received before the deadline");
    const ssize_t n = ::read(fd_, chunk.data(), want);
    if (n > 0) {
      out.append(chunk.data(), static_cast<std::size_t>(n));
      return;
    }
    if (n == 0) lost("closed by the instrument", 0);
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
    lost("read failed", errno);
  }
}

void FdStream::drain() const {
  std::array<char, kChunk> chunk;
  while (::read(fd_, chunk.data(), chunk.size()) > 0) {
  }
}

}  // namespace litmus::transport
