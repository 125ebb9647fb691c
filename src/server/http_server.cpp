#include "server/http_server.hpp"

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <deque>
#include <map>
#include <optional>

#include "litmus/error.hpp"
#include "litmus/version.hpp"
#include "server/log.hpp"
#include "server/router.hpp"
#include "server/stream_hub.hpp"

namespace litmus::server {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

constexpr std::chrono::seconds kIdleTimeout{60};
constexpr std::chrono::seconds kHeartbeatPeriod{15};
constexpr std::uint64_t kMaxRequestBody = 1 << 20;
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

std::string server_header() { return "litmus/" + std::string(version()); }

// A Server-Sent Events connection after its request was answered: writes
// what StreamHub queues, in order, and reads only to notice the client
// leaving. Holds no buffer beyond the queue, so idle streams cost little.
class SseSession final : public StreamClient, public std::enable_shared_from_this<SseSession> {
 public:
  SseSession(tcp::socket socket, StreamHub& hub) : socket_(std::move(socket)), hub_(hub) {}

  void start(std::optional<std::int64_t> after) {
    send(std::make_shared<const std::string>(
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: text/event-stream\r\n"
        "Cache-Control: no-cache\r\n"
        "X-Accel-Buffering: no\r\n"
        "Server: " +
        server_header() +
        "\r\n"
        "\r\n"
        // EventSource's own reconnect delay; the default of 3 s feels stuck.
        "retry: 1000\n\n"));
    id_ = hub_.attach(weak_from_this(), after);
    read();
  }

  void send(std::shared_ptr<const std::string> bytes) override {
    queued_ += bytes->size();
    queue_.push_back(std::move(bytes));
    if (queue_.size() == 1) write();
  }

  std::size_t queued_bytes() const override { return queued_; }

  void close() override {
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

 private:
  void write() {
    asio::async_write(socket_, asio::buffer(*queue_.front()),
                      [self = shared_from_this()](error_code ec, std::size_t) { self->on_write(ec); });
  }

  void on_write(error_code ec) {
    queued_ -= queue_.front()->size();
    queue_.pop_front();
    if (ec) return finish();
    if (!queue_.empty()) return write();
    hub_.drained(id_);
  }

  void read() {
    socket_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](error_code ec, std::size_t) {
      if (ec) return self->finish();
      self->read();  // a client has nothing to say on an event stream
    });
  }

  void finish() {
    if (finished_) return;
    finished_ = true;
    hub_.detach(id_);
    close();
  }

  tcp::socket socket_;
  StreamHub& hub_;
  StreamHub::ClientId id_ = 0;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_ = 0;
  bool finished_ = false;
  std::array<char, 64> scratch_{};
};

// One keep-alive HTTP connection: read a request, answer it, repeat.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, Router& router, StreamHub& hub)
      : stream_(std::move(socket)), router_(router), hub_(hub) {}

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(kMaxRequestBody);
    stream_.expires_after(kIdleTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      return close();
    }
    if (ec) {
      // Malformed HTTP: say so once, then hang up (the stream is out of sync).
      Response response =
          error_response(ec == http::error::body_limit ? 413 : 400, "malformed HTTP request", ec.message());
      return write(response, 11, false);
    }
    const auto& request = parser_->get();
    std::map<std::string, std::string> headers;
    for (const auto& field : request) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      headers[name] = std::string(field.value());
    }
    Response response =
        router_.handle(std::string(request.method_string()), std::string_view(request.target()), std::move(headers));
    if (response.event_stream) {
      stream_.expires_never();
      std::make_shared<SseSession>(stream_.release_socket(), hub_)->start(response.stream_after);
      return;
    }
    write(response, request.version(), request.keep_alive());
  }

  void write(const Response& answer, unsigned version, bool keep_alive) {
    auto response = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(answer.status),
                                                                         version);
    response->set(http::field::server, server_header());
    response->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response->set(name, value);
    response->keep_alive(keep_alive);
    response->body() = answer.body;
    response->prepare_payload();
    stream_.expires_after(kIdleTimeout);
    http::async_write(stream_, *response,
                      [self = shared_from_this(), response, keep_alive](error_code ec, std::size_t) {
                        if (ec || !keep_alive) return self->close();
                        self->read();
                      });
  }

  void close() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Router& router_;
  StreamHub& hub_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

}  // namespace

struct HttpServer::Impl {
  Impl(Router& r, StreamHub& h) : router(r), hub(h) {}

  void accept() {
    acceptor.async_accept([this](error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;  // stopping
      if (ec) {
        // Out of file descriptors, say: retrying at once would spin and
        // flood the log; connections closing meanwhile free some.
        log_line("accept failed: " + ec.message());
        accept_retry.expires_after(kAcceptRetryDelay);
        accept_retry.async_wait([this](error_code wait_ec) {
          if (!wait_ec) accept();
        });
        return;
      }
      error_code ignored;
      // Small answers and SSE frames must leave at once, not after Nagle's delay.
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<HttpSession>(std::move(socket), router, hub)->start();
      accept();
    });
  }

  void beat() {
    heartbeat.expires_after(kHeartbeatPeriod);
    heartbeat.async_wait([this](error_code ec) {
      if (ec) return;
      hub.heartbeat();
      beat();
    });
  }

  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer heartbeat{io};
  asio::steady_timer accept_retry{io};
  Router& router;
  StreamHub& hub;
};

HttpServer::HttpServer(const HttpServerOptions& options, Router& router, StreamHub& hub)
    : impl_(std::make_unique<Impl>(router, hub)) {
  const std::string where = options.host + ":" + std::to_string(options.port);
  error_code ec;
  tcp::resolver resolver(impl_->io);
  const auto endpoints = resolver.resolve(options.host, std::to_string(options.port),
                                          tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || endpoints.empty()) {
    throw Error("cannot listen on " + where + ": " + (ec ? ec.message() : "host not found"));
  }
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  auto& acceptor = impl_->acceptor;
  if (!acceptor.open(endpoint.protocol(), ec) && !acceptor.set_option(tcp::acceptor::reuse_address(true), ec) &&
      !acceptor.bind(endpoint, ec) && !acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
    impl_->accept();
    impl_->beat();
    return;
  }
  throw Error("cannot listen on " + where + ": " + ec.message());
}

HttpServer::~HttpServer() = default;

std::uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
  // One failing handler must not take every other connection down with it.
  for (;;) {
    try {
      impl_->io.run();
      return;
    } catch (const std::exception& e) {
      log_line(std::string("error while serving, continuing: ") + e.what());
    }
  }
}

void HttpServer::stop() { impl_->io.stop(); }

void HttpServer::post(std::function<void()> work) { asio::post(impl_->io, std::move(work)); }

}  // namespace litmus::server
