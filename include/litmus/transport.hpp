#pragma once
// Transport: the byte pipe to one instrument (TCP socket, VXI-11, serial,
// USBTMC, or the in-process mock). ScpiConnection builds SCPI messages,
// terminators, IEEE 488.2 blocks, timeouts and the error queue on top, so a
// transport only moves bytes and reports what went wrong with them.
//
// A transport is used by one thread at a time (the instrument's owner
// serialises calls).

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "litmus/error.hpp"

namespace litmus {

using Deadline = std::chrono::steady_clock::time_point;

// Nothing arrived (or could be sent) before the deadline. Subclasses of
// InstrumentError, so callers that only care that the call failed need not
// know which.
class TransportTimeout : public InstrumentError {
 public:
  using InstrumentError::InstrumentError;
};

// The connection is gone (peer closed, device unplugged, reset): every
// later call on this transport fails the same way, at once.
class ConnectionLost : public InstrumentError {
 public:
  using InstrumentError::InstrumentError;
};

class Transport {
 public:
  virtual ~Transport() = default;

  // Sends all of `bytes` before `deadline` (throws TransportTimeout) or
  // throws ConnectionLost.
  virtual void send(std::string_view bytes, Deadline deadline) = 0;

  // Appends at least one received byte to `out` (as many as are ready, up
  // to `max_bytes`), waiting until `deadline`. Returns true when the bytes
  // end a message at the transport level (VXI-11's END flag, a USBTMC
  // transfer with EOM); stream transports (TCP, serial) return false and
  // let the caller find the terminator. Throws TransportTimeout or
  // ConnectionLost.
  virtual bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) = 0;

  // Discards anything buffered or in flight (VXI-11 device clear, serial
  // flush, draining a socket), after a timeout left the stream mid-reply.
  virtual void clear() {}

  // "TCPIP::10.0.0.5::5025::SOCKET": for error messages.
  virtual const std::string& resource() const = 0;
};

// Opens the transport a VISA resource string names:
//   TCPIP[n]::host::port::SOCKET   raw SCPI over TCP
//   TCPIP[n]::host[::inst0]::INSTR VXI-11 (liblxi)
//   ASRL/dev/ttyUSB0::INSTR        serial (libserialport); options after
//                                  '?': baud=115200&parity=none&data_bits=8
//                                  &stop_bits=1&flow=none
//   ASRL3::INSTR                   serial /dev/ttyS3 (the Linux port number)
//   USB[n]::0x2A8D::0x0101::MY123::INSTR  USBTMC via /dev/usbtmc*
//                                  (matched by vendor, product, serial)
//   /dev/usbtmc0                   USBTMC device node, directly
// Throws litmus::InstrumentError naming the resource and what failed
// (unknown syntax, host not found, refused, no such port ...), within
// `timeout`.
std::unique_ptr<Transport> open_transport(std::string_view resource, std::chrono::milliseconds timeout);

}  // namespace litmus
