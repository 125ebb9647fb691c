#pragma once
// SCPI over a serial port ("ASRL/dev/ttyUSB0::INSTR?baud=115200").
//
// Opening: libserialport opens and configures ports it can describe (real
// UARTs, USB adapters). It refuses paths sysfs knows nothing about, such as
// pseudo-terminals (socat bridges, simulators, the tests); those are opened
// and configured with plain POSIX termios instead. Either way the result is
// one file descriptor in raw mode.
//
// I/O: reads and writes go through that descriptor with poll() deadlines
// (FdStream) rather than sp_blocking_read/write, so both kinds of port share
// one path and an unplugged adapter (EOF, EIO) is told apart from a silent
// instrument (ConnectionLost vs TransportTimeout).

#include <chrono>
#include <memory>
#include <string>

#include "litmus/transport.hpp"
#include "transport/fd_stream.hpp"
#include "transport/visa_resource.hpp"

struct sp_port;

namespace litmus::transport {

class SerialTransport : public Transport {
 public:
  // Throws InstrumentError naming `resource`, the path and the reason.
  SerialTransport(std::string resource, const std::string& path, const SerialSettings& settings);
  ~SerialTransport() override;
  SerialTransport(const SerialTransport&) = delete;
  SerialTransport& operator=(const SerialTransport&) = delete;

  void send(std::string_view bytes, Deadline deadline) override;
  bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) override;
  // Flushes both directions in the driver, then drops what had arrived.
  void clear() override;
  const std::string& resource() const override { return resource_; }

 private:
  // The termios fallback; sets fd_ or throws.
  void open_with_termios(const std::string& path, const SerialSettings& settings);

  std::string resource_;
  // Set when libserialport opened the port (it owns fd_ then) ...
  sp_port* port_ = nullptr;
  // ... the descriptor all I/O goes through.
  int fd_ = -1;
  // Invariant: refers to resource_ and fd_.
  std::unique_ptr<FdStream> stream_;
};

}  // namespace litmus::transport
