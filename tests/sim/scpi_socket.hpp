#pragma once
// A plain POSIX socket SCPI client for the simulator tests, on purpose
// independent of src/transport: the simulator is what the transport is
// tested against, so its own tests must not rest on the transport.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace litmus::sim::testing {

class ScpiSocket {
 public:
  explicit ScpiSocket(std::uint16_t port, const char* host = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &address.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      ::close(fd_);
      throw std::runtime_error("cannot connect to port " + std::to_string(port));
    }
  }
  ~ScpiSocket() { ::close(fd_); }
  ScpiSocket(const ScpiSocket&) = delete;
  ScpiSocket& operator=(const ScpiSocket&) = delete;

  void write(std::string_view line) {
    const std::string message = std::string(line) + "\n";
    std::string_view rest = message;
    while (!rest.empty()) {
      const ssize_t n = ::send(fd_, rest.data(), rest.size(), MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  // One reply line without its '\n'; nullopt on timeout or when the
  // simulator closed the connection (see closed()).
  std::optional<std::string> read_line(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    while (true) {
      const std::size_t end = buffer_.find('\n');
      if (end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        return line;
      }
      if (!fill(timeout)) return std::nullopt;
    }
  }

  // An IEEE 488.2 definite block "#<n><length><bytes>" and its '\n'.
  std::string read_block(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    while (buffer_.size() < 2) require(fill(timeout));
    if (buffer_[0] != '#') throw std::runtime_error("not a block: " + buffer_.substr(0, 40));
    const std::size_t digits = static_cast<std::size_t>(buffer_[1] - '0');
    while (buffer_.size() < 2 + digits) require(fill(timeout));
    const std::size_t length = std::stoul(buffer_.substr(2, digits));
    const std::size_t total = 2 + digits + length + 1;
    while (buffer_.size() < total) require(fill(timeout));
    if (buffer_[total - 1] != '\n') throw std::runtime_error("block not followed by a newline");
    std::string body = buffer_.substr(2 + digits, length);
    buffer_.erase(0, total);
    return body;
  }

  std::string query(std::string_view line) {
    write(line);
    auto reply = read_line();
    if (!reply) throw std::runtime_error("no reply to " + std::string(line));
    return *reply;
  }

  bool closed() const { return closed_; }

 private:
  static void require(bool ok) {
    if (!ok) throw std::runtime_error("block reply incomplete");
  }
  bool fill(std::chrono::milliseconds timeout) {
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char chunk[65536];
    const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
  bool closed_ = false;
};

}  // namespace litmus::sim::testing
