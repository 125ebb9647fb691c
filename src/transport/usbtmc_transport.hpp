#pragma once
// USBTMC through the Linux usbtmc driver (/dev/usbtmcN). The driver's
// read() is one USB transfer that waits up to the driver's own timeout
// (set per call from our deadline) and says through MSG_IN_ATTR whether
// the message ended (EOM). A node that is not a usbtmc device (a pty in
// tests, a tty-like gadget) is used as a plain byte stream with poll().

#include <chrono>
#include <memory>
#include <string>

#include "litmus/transport.hpp"
#include "transport/fd_stream.hpp"

namespace litmus::transport {

class UsbtmcTransport : public Transport {
 public:
  // Opens `device_path`; throws InstrumentError naming `resource`.
  UsbtmcTransport(std::string resource, const std::string& device_path);
  ~UsbtmcTransport() override;
  UsbtmcTransport(const UsbtmcTransport&) = delete;
  UsbtmcTransport& operator=(const UsbtmcTransport&) = delete;

  void send(std::string_view bytes, Deadline deadline) override;
  bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) override;
  // USBTMC device clear (INITIATE_CLEAR); a plain stream is drained.
  void clear() override;
  const std::string& resource() const override { return resource_; }

 private:
  // Sets the driver's timeout to what is left of `deadline`; throws
  // TransportTimeout once it has passed.
  void set_driver_timeout(Deadline deadline) const;
  [[noreturn]] void fail(std::string_view what, int error) const;

  std::string resource_;
  int fd_ = -1;
  // Set when fd_ is not a usbtmc node: plain stream I/O on it instead.
  std::unique_ptr<FdStream> stream_;
};

// The /dev/usbtmcN node of the instrument with this vendor, product and
// serial number (from /sys/class/usbmisc/usbtmc*/device/..). Throws
// InstrumentError naming `resource` and listing the USBTMC devices found.
std::string find_usbtmc_node(const std::string& resource, std::uint16_t vendor, std::uint16_t product,
                             const std::string& serial);

}  // namespace litmus::transport
