#include "transport/usbtmc_transport.hpp"

#include <fcntl.h>
#include <linux/usb/tmc.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace litmus::transport {

namespace {

// The driver refuses timeouts under this (USBTMC_MIN_TIMEOUT).
constexpr unsigned kMinDriverTimeoutMs = 100;
constexpr std::size_t kChunk = 64 * 1024;
// bmTransferAttributes bit 0: this transfer ended the message.
constexpr unsigned char kEndOfMessage = 0x01;

bool is_gone(int error) { return error == ENODEV || error == ESHUTDOWN || error == ENXIO || error == EIO; }

std::string read_sysfs(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string value;
  std::getline(in, value);
  return value;
}

std::string hex4(std::uint16_t value) {
  char text[8];
  std::snprintf(text, sizeof(text), "%04x", static_cast<unsigned>(value));
  return text;
}

}  // namespace

UsbtmcTransport::UsbtmcTransport(std::string resource, const std::string& device_path)
    : resource_(std::move(resource)) {
  fd_ = ::open(device_path.c_str(), O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (fd_ < 0) {
    const int error = errno;
    throw InstrumentError(resource_ + ": cannot open " + device_path + ": " + std::strerror(error) +
                          (error == EACCES ? " (add a udev rule or join the group owning it)" : ""));
  }
  std::uint32_t timeout = 1000;
  if (::ioctl(fd_, USBTMC_IOCTL_GET_TIMEOUT, &timeout) != 0) {
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    stream_ = std::make_unique<FdStream>(fd_, false, resource_);
  }
}

UsbtmcTransport::~UsbtmcTransport() { ::close(fd_); }

void UsbtmcTransport::fail(std::string_view what, int error) const {
  const std::string message = resource_ + ": " + std::string(what) + ": " + std::strerror(error);
  if (error == ETIMEDOUT) throw TransportTimeout(message);
  if (is_gone(error)) throw ConnectionLost(message);
  throw InstrumentError(message);
}

void UsbtmcTransport::set_driver_timeout(Deadline deadline) const {
  const int left = poll_timeout_ms(deadline);
  if (left == 0) throw TransportTimeout(resource_ + ": deadline passed");
  std::uint32_t timeout = std::max(kMinDriverTimeoutMs, static_cast<unsigned>(left));
  if (::ioctl(fd_, USBTMC_IOCTL_SET_TIMEOUT, &timeout) != 0) fail("cannot set the driver timeout", errno);
}

void UsbtmcTransport::send(std::string_view bytes, Deadline deadline) {
  if (stream_) return stream_->send(bytes, deadline);
  while (!bytes.empty()) {
    set_driver_timeout(deadline);
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("write failed", errno);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool UsbtmcTransport::receive(std::string& out, std::size_t max_bytes, Deadline deadline) {
  if (stream_) {
    stream_->receive(out, max_bytes, deadline);
    return false;
  }
  std::array<char, kChunk> chunk;
  while (true) {
    set_driver_timeout(deadline);
    const ssize_t n = ::read(fd_, chunk.data(), std::min(max_bytes, chunk.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("read failed", errno);
    out.append(chunk.data(), static_cast<std::size_t>(n));
    unsigned char attributes = 0;
    // Drivers before Linux 4.20 lack MSG_IN_ATTR: a short read then means
    // the transfer ended the message.
    if (::ioctl(fd_, USBTMC_IOCTL_MSG_IN_ATTR, &attributes) != 0) {
      return static_cast<std::size_t>(n) < std::min(max_bytes, chunk.size());
    }
    if (n > 0 || (attributes & kEndOfMessage) != 0) return (attributes & kEndOfMessage) != 0;
  }
}

void UsbtmcTransport::clear() {
  if (stream_) return stream_->drain();
  ::ioctl(fd_, USBTMC_IOCTL_CLEAR);
}

std::string find_usbtmc_node(const std::string& resource, std::uint16_t vendor, std::uint16_t product,
                             const std::string& serial) {
  namespace fs = std::filesystem;
  std::string seen;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/sys/class/usbmisc", error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("usbtmc")) continue;
    // device/ is the USB interface; its parent holds the device's ids.
    const fs::path usb_device = entry.path() / "device" / "..";
    const std::string found_vendor = read_sysfs(usb_device / "idVendor");
    const std::string found_product = read_sysfs(usb_device / "idProduct");
    const std::string found_serial = read_sysfs(usb_device / "serial");
    seen += (seen.empty() ? "" : ", ") + name + " (0x" + found_vendor + "::0x" + found_product + "::" + found_serial + ")";
    if (found_vendor == hex4(vendor) && found_product == hex4(product) && found_serial == serial) {
      return "/dev/" + name;
    }
  }
  throw InstrumentError(resource + ": no USBTMC device with this vendor, product and serial number" +
                        (seen.empty() ? std::string(" (no /dev/usbtmc* devices at all: is it plugged in, and is "
                                                    "the usbtmc kernel module loaded?)")
                                      : " (found: " + seen + ")"));
}

}  // namespace litmus::transport
