#include "sim/sim_server.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "litmus/error.hpp"

namespace litmus::sim {

struct SimServer::Listener {
  int fd = -1;
  SimInstrument* model = nullptr;
  std::thread thread;
};

namespace {

// A listening socket on host:port; `bound` gets the port (the system's
// pick for port 0).
int listen_on(const std::string& host, std::uint16_t port, std::uint16_t& bound) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string where = host + ":" + std::to_string(port);
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0) {
    throw Error("litmus sim: cannot resolve " + where + ": " + ::gai_strerror(rc));
  }
  int error = 0;
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      error = errno;
      continue;
    }
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, 16) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      ::freeaddrinfo(found);
      bound = ntohs(address.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&address)->sin6_port
                                                  : reinterpret_cast<sockaddr_in*>(&address)->sin_port);
      return fd;
    }
    error = errno;
    ::close(fd);
  }
  ::freeaddrinfo(found);
  throw Error("litmus sim: cannot listen on " + where + ": " + std::strerror(error));
}

bool send_all(int fd, std::string_view bytes, int flags) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), flags | MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::string SimEndpoint::resource() const {
  return "TCPIP::" + host + "::" + std::to_string(port) + "::SOCKET";
}

SimServer::SimServer(SimConfig config) : config_(std::move(config)) {}

void SimServer::start() {
  if (started_) throw Error("litmus sim: the simulator is already started");
  started_ = true;
  try {
    for (const auto& entry : config_.instruments) {
      auto listener = std::make_unique<Listener>();
      listener->model = entry.model.get();
      std::uint16_t port = 0;
      listener->fd = listen_on(config_.host, entry.port, port);
      listeners_.push_back(std::move(listener));
      endpoints_.push_back({entry.name, entry.model->type(), config_.host, port});
    }
  } catch (...) {
    for (auto& listener : listeners_) ::close(listener->fd);
    throw;
  }
  for (auto& listener : listeners_) {
    listener->thread = std::thread([this, l = listener.get()] { accept_loop(*l); });
  }
}

SimServer::~SimServer() { stop(); }

const SimEndpoint& SimServer::endpoint(std::string_view name) const {
  for (const auto& endpoint : endpoints_) {
    if (endpoint.name == name) return endpoint;
  }
  throw Error("litmus sim: no simulated instrument named '" + std::string(name) + "'" +
              (started_ ? "" : " (the simulator is not started)"));
}

SimInstrument& SimServer::instrument(std::string_view name) {
  for (auto& entry : config_.instruments) {
    if (entry.name == name) return *entry.model;
  }
  throw Error("litmus sim: no simulated instrument named '" + std::string(name) + "'");
}

void SimServer::stop() {
  if (stopping_.exchange(true)) return;
  // shutdown() wakes a thread blocked in accept() or recv().
  for (auto& listener : listeners_) ::shutdown(listener->fd, SHUT_RDWR);
  for (auto& listener : listeners_) {
    if (listener->thread.joinable()) listener->thread.join();
    ::close(listener->fd);
  }
  std::lock_guard lock(connections_mutex_);
  for (auto& connection : connections_) ::shutdown(connection.fd, SHUT_RDWR);
  for (auto& connection : connections_) {
    connection.thread.join();
    ::close(connection.fd);
  }
  connections_.clear();
}

void SimServer::reap_finished_connections() {
  for (auto it = connections_.begin(); it != connections_.end();) {
    if (!it->done) {
      ++it;
      continue;
    }
    it->thread.join();
    ::close(it->fd);
    it = connections_.erase(it);
  }
}

void SimServer::accept_loop(Listener& listener) {
  while (!stopping_) {
    const int fd = ::accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (stopping_) return;
      // Out of descriptors: try again shortly rather than give up serving.
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    const int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
    std::lock_guard lock(connections_mutex_);
    reap_finished_connections();
    Connection& connection = connections_.emplace_back();
    connection.fd = fd;
    connection.thread = std::thread([this, &connection, model = listener.model] { serve(connection, *model); });
  }
}

bool SimServer::sleep_unless_stopped(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (!stopping_) {
    const auto left = until - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return true;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(10)));
  }
  return false;
}

void SimServer::serve(Connection& connection, SimInstrument& model) {
  std::string pending;
  char buffer[65536];
  int messages = 0;
  bool open = true;
  while (open && !stopping_) {
    const ssize_t n = ::recv(connection.fd, buffer, sizeof(buffer), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    std::size_t start = 0;
    for (std::size_t end; open && (end = pending.find('\n', start)) != std::string::npos; start = end + 1) {
      std::string_view message(pending.data() + start, end - start);
      if (!message.empty() && message.back() == '\r') message.remove_suffix(1);
      if (message.empty()) continue;
      const Faults faults = model.faults();
      const std::optional<std::string> reply = model.execute(message);
      ++messages;
      if (reply && !model.drop_next_reply()) {
        open = sleep_unless_stopped(faults.reply_delay) && send_all(connection.fd, *reply, MSG_MORE) &&
               send_all(connection.fd, "\n", 0);
      }
      if (faults.close_after > 0 && messages >= faults.close_after) open = false;
    }
    pending.erase(0, start);
  }
  // The peer sees the connection end now; the descriptor is closed once
  // this thread is joined, so it is never reused under a live thread.
  ::shutdown(connection.fd, SHUT_RDWR);
  connection.done = true;
}

}  // namespace litmus::sim
