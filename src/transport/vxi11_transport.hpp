#pragma once
// VXI-11 ("TCPIP::host[::inst0]::INSTR") through liblxi. liblxi keeps its
// sessions in global tables without locks, so every call into it holds
// one process-wide mutex: VXI-11 instruments are talked to one call at a
// time, whatever thread owns them.
//
// liblxi reports every failure as -1 without a reason, so a failed read or
// write is reported as a timeout (the common cause); clear() re-creates the
// link, and a link that cannot be re-created is reported lost.

#include <chrono>
#include <memory>
#include <string>

#include "litmus/transport.hpp"

namespace litmus::transport {

class Vxi11Transport : public Transport {
 public:
  Vxi11Transport(std::string resource, std::string host, std::string device_name, std::chrono::milliseconds timeout);
  ~Vxi11Transport() override;
  Vxi11Transport(const Vxi11Transport&) = delete;
  Vxi11Transport& operator=(const Vxi11Transport&) = delete;

  void send(std::string_view bytes, Deadline deadline) override;
  // Each liblxi receive is one whole message (up to END): handed out in
  // pieces of `max_bytes`, the last one flagged as ending it.
  bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) override;
  void clear() override;
  const std::string& resource() const override { return resource_; }

 private:
  // Connects under the lxi mutex (held by the caller); throws on failure.
  void connect_locked();

  std::string resource_;
  std::string host_;
  std::string device_name_;
  std::chrono::milliseconds connect_timeout_;
  int device_ = -1;  // liblxi's session id; -1 once the link is gone
  // liblxi needs room for a whole message up front; allocated once, only
  // touched as far as messages reach.
  std::unique_ptr<char[]> message_;
  // message_[given_, received_) is the unread rest of the last message.
  std::size_t received_ = 0;
  std::size_t given_ = 0;
};

}  // namespace litmus::transport
