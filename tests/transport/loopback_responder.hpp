#pragma once
// A scripted SCPI instrument on a loopback TCP port, for testing the socket
// transport and ScpiConnection against a real stream: replies can be late,
// missing, split into many small writes, or replaced by closing the
// connection. One client at a time; after a close it accepts the next.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace litmus::testing {

class LoopbackResponder {
 public:
  struct Reply {
    std::vector<std::string> chunks;  // one write() each
    std::chrono::milliseconds delay{0};  // before the first chunk
    std::chrono::milliseconds gap{0};    // between chunks
    bool close = false;                  // close the connection after the chunks
  };

  static Reply text(std::string line) { return Reply{{std::move(line) + "\n"}}; }
  // Exactly `bytes`, no terminator added.
  static Reply raw(std::string bytes) { return Reply{{std::move(bytes)}}; }
  static Reply late(std::string line, std::chrono::milliseconds delay) {
    return Reply{{std::move(line) + "\n"}, delay};
  }
  static Reply silence() { return Reply{}; }
  static Reply hang_up() { return Reply{{}, {}, {}, true}; }
  // `bytes` in pieces of `piece` bytes, `gap` apart.
  static Reply trickle(const std::string& bytes, std::size_t piece, std::chrono::milliseconds gap) {
    Reply reply;
    for (std::size_t at = 0; at < bytes.size(); at += piece) reply.chunks.push_back(bytes.substr(at, piece));
    reply.gap = gap;
    return reply;
  }

  LoopbackResponder() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(listener_, 4) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("loopback responder: cannot listen");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { run(); });
  }

  ~LoopbackResponder() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }

  LoopbackResponder(const LoopbackResponder&) = delete;
  LoopbackResponder& operator=(const LoopbackResponder&) = delete;

  // Replies queued for `command` are used in order; the last one stays for
  // every later time it is sent. Commands without a script get no reply.
  void on(const std::string& command, Reply reply) {
    std::lock_guard lock(mutex_);
    script_[command].push_back(std::move(reply));
  }

  std::string resource() const { return "TCPIP::127.0.0.1::" + std::to_string(port_) + "::SOCKET"; }
  int port() const { return port_; }

  // Every command line received so far, terminator stripped.
  std::vector<std::string> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  static constexpr int kPollMs = 20;

  void run() {
    while (!stop_) {
      pollfd entry{listener_, POLLIN, 0};
      if (::poll(&entry, 1, kPollMs) <= 0) continue;
      const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      const int on = 1;
      ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
      serve(client);
      ::close(client);
    }
  }

  // Returns when the client leaves, a reply closes, or the test ends.
  void serve(int client) {
    std::string input;
    while (!stop_) {
      pollfd entry{client, POLLIN, 0};
      if (::poll(&entry, 1, kPollMs) <= 0) continue;
      char buffer[4096];
      const ssize_t n = ::read(client, buffer, sizeof(buffer));
      if (n <= 0) return;
      input.append(buffer, static_cast<std::size_t>(n));
      for (auto end = input.find('\n'); end != std::string::npos; end = input.find('\n')) {
        const std::string command = input.substr(0, end);
        input.erase(0, end + 1);
        if (!answer(client, command)) return;
      }
    }
  }

  // false when the reply closes the connection.
  bool answer(int client, const std::string& command) {
    Reply reply;
    {
      std::lock_guard lock(mutex_);
      received_.push_back(command);
      auto found = script_.find(command);
      if (found == script_.end()) return true;
      reply = found->second.front();
      if (found->second.size() > 1) found->second.pop_front();
    }
    pause(reply.delay);
    for (std::size_t i = 0; i < reply.chunks.size() && !stop_; ++i) {
      if (i > 0) pause(reply.gap);
      if (::send(client, reply.chunks[i].data(), reply.chunks[i].size(), MSG_NOSIGNAL) < 0) return false;
    }
    return !reply.close;
  }

  void pause(std::chrono::milliseconds duration) const {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!stop_ && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
          until - std::chrono::steady_clock::now(), std::chrono::milliseconds(kPollMs)));
    }
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::map<std::string, std::deque<Reply>> script_;
  std::vector<std::string> received_;
  std::thread thread_;
};

}  // namespace litmus::testing
