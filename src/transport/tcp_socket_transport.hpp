#pragma once
// Raw SCPI over TCP ("TCPIP::host::5025::SOCKET"): the instrument's socket
// port, a plain byte stream; ScpiConnection finds the terminators.

#include <chrono>
#include <memory>
#include <string>

#include "litmus/transport.hpp"
#include "transport/fd_stream.hpp"

namespace litmus::transport {

class TcpSocketTransport : public Transport {
 public:
  // Resolves `host` and connects within `timeout`; throws InstrumentError
  // (TransportTimeout when the connect timed out) naming `resource`.
  TcpSocketTransport(std::string resource, const std::string& host, int port, std::chrono::milliseconds timeout);
  ~TcpSocketTransport() override;
  TcpSocketTransport(const TcpSocketTransport&) = delete;
  TcpSocketTransport& operator=(const TcpSocketTransport&) = delete;

  void send(std::string_view bytes, Deadline deadline) override;
  bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) override;
  // Drops what has arrived so far; a late reply still in flight is not
  // waited for (the next read would see it, so ScpiConnection clears after
  // every timeout and the stream realigns on the following command).
  void clear() override;
  const std::string& resource() const override { return resource_; }

 private:
  std::string resource_;
  int fd_ = -1;
  // Invariant: refers to resource_ and fd_, set once connected.
  std::unique_ptr<FdStream> stream_;
};

}  // namespace litmus::transport
