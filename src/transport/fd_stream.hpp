#pragma once
// Byte-stream I/O on a non-blocking file descriptor with a deadline: what
// the TCP socket, serial port and (fallback) USBTMC transports share. Every
// wait is a poll() bounded by the deadline, so nothing blocks past it.

#include <string>
#include <string_view>

#include "litmus/transport.hpp"

namespace litmus::transport {

// Milliseconds left until `deadline` for poll(), rounded up so a deadline
// 0.3 ms away still waits instead of spinning; 0 once it has passed.
int poll_timeout_ms(Deadline deadline);

// Waits until `fd` is ready for `events` (POLLIN / POLLOUT). Returns false
// when the deadline passed first. POLLHUP/POLLERR count as ready: the
// following read or write reports what happened.
bool wait_ready(int fd, short events, Deadline deadline);

class FdStream {
 public:
  // `fd` stays owned by the caller. Sockets are written with send() and
  // MSG_NOSIGNAL so a closed peer is an error, not a SIGPIPE.
  FdStream(int fd, bool is_socket, const std::string& resource) : fd_(fd), socket_(is_socket), resource_(resource) {}

  // Throws TransportTimeout or ConnectionLost naming the resource.
  void send(std::string_view bytes, Deadline deadline) const;
  // Appends at least one byte (at most `max_bytes`) to `out`.
  void receive(std::string& out, std::size_t max_bytes, Deadline deadline) const;
  // Reads and drops whatever has already arrived, without waiting.
  void drain() const;

 private:
  [[noreturn]] void lost(std::string_view what, int error) const;

  int fd_;
  bool socket_;
  const std::string& resource_;
};

}  // namespace litmus::transport
