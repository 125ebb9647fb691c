#pragma once
// The sockets: an HTTP/1.1 server on Boost.Beast serving Router's answers
// and turning GET /api/stream into Server-Sent Events fed by StreamHub.
// All Beast and Asio code lives behind this header (one translation unit:
// Beast is slow to compile). One thread serves every connection.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace litmus::server {

class Router;
class StreamHub;

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  // 0: any free port (see HttpServer::port())
};

class HttpServer {
 public:
  // Binds and listens at once; throws litmus::Error naming host and port
  // when that fails. `router` and `hub` must outlive the server.
  HttpServer(const HttpServerOptions& options, Router& router, StreamHub& hub);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const;
  // Serves on the calling thread until stop().
  void run();
  // Callable from any thread.
  void stop();
  // Runs `work` on the serving thread; callable from any thread. Router and
  // StreamHub are only ever used there.
  void post(std::function<void()> work);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace litmus::server
