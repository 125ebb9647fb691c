#include "transport/tcp_socket_transport.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace litmus::transport {

namespace {

// Connects one resolved address before `deadline`. Returns the socket, or
// -1 with `error` set (ETIMEDOUT when the deadline passed).
int connect_one(const addrinfo& address, Deadline deadline, int& error) {
  const int fd = ::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address.ai_protocol);
  if (fd < 0) {
    error = errno;
    return -1;
  }
  if (::connect(fd, address.ai_addr, address.ai_addrlen) != 0) {
    if (errno != EINPROGRESS) {
      error = errno;
      ::close(fd);
      return -1;
    }
    if (!wait_ready(fd, POLLOUT, deadline)) {
      error = ETIMEDOUT;
      ::close(fd);
      return -1;
    }
    socklen_t length = sizeof(error);
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
    if (error != 0) {
      ::close(fd);
      return -1;
    }
  }
  // SCPI messages are small and each waits for its reply: Nagle would
  // hold every command back for the previous segment's ACK.
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
  return fd;
}

}  // namespace

TcpSocketTransport::TcpSocketTransport(std::string resource, const std::string& host, int port,
                                       std::chrono::milliseconds timeout)
    : resource_(std::move(resource)) {
  const Deadline deadline = std::chrono::steady_clock::now() + timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* addresses = nullptr;
  // getaddrinfo has no timeout of its own; a name that resolves slowly
  // (broken DNS) can exceed `timeout` here. Use an IP address on benches.
  if (const int status = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &addresses); status != 0) {
    throw InstrumentError(resource_ + ": cannot resolve host '" + host + "': " + ::gai_strerror(status));
  }
  int error = 0;
  for (const addrinfo* address = addresses; address != nullptr && fd_ < 0; address = address->ai_next) {
    fd_ = connect_one(*address, deadline, error);
  }
  ::freeaddrinfo(addresses);
  if (fd_ < 0) {
    if (error == ETIMEDOUT) {
      throw TransportTimeout(resource_ + ": no connection within " + std::to_string(timeout.count()) + " ms");
    }
    throw InstrumentError(resource_ + ": cannot connect: " + std::strerror(error));
  }
  stream_ = std::make_unique<FdStream>(fd_, true, resource_);
}

TcpSocketTransport::~TcpSocketTransport() {
  if (fd_ >= 0) ::close(fd_);
}

void TcpSocketTransport::send(std::string_view bytes, Deadline deadline) { stream_->send(bytes, deadline); }

bool TcpSocketTransport::receive(std::string& out, std::size_t max_bytes, Deadline deadline) {
  stream_->receive(out, max_bytes, deadline);
  return false;
}

void TcpSocketTransport::clear() { stream_->drain(); }

}  // namespace litmus::transport
