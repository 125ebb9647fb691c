#include "transport/serial_transport.hpp"

#include <fcntl.h>
#include <libserialport.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace litmus::transport {

namespace {

std::string last_error() {
  char* message = sp_last_error_message();
  std::string text = message != nullptr ? message : "unknown error";
  sp_free_error_message(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

sp_parity to_sp(Parity parity) {
  switch (parity) {
    case Parity::odd:
      return SP_PARITY_ODD;
    case Parity::even:
      return SP_PARITY_EVEN;
    case Parity::mark:
      return SP_PARITY_MARK;
    case Parity::space:
      return SP_PARITY_SPACE;
    case Parity::none:
      break;
  }
  return SP_PARITY_NONE;
}

sp_flowcontrol to_sp(FlowControl flow) {
  switch (flow) {
    case FlowControl::xon_xoff:
      return SP_FLOWCONTROL_XONXOFF;
    case FlowControl::rts_cts:
      return SP_FLOWCONTROL_RTSCTS;
    case FlowControl::dtr_dsr:
      return SP_FLOWCONTROL_DTRDSR;
    case FlowControl::none:
      break;
  }
  return SP_FLOWCONTROL_NONE;
}

// termios has a constant per supported rate, not a number.
bool to_speed(int baud, speed_t& out) {
  static constexpr std::pair<int, speed_t> kSpeeds[] = {
      {300, B300},         {600, B600},         {1200, B1200},       {2400, B2400},       {4800, B4800},
      {9600, B9600},       {19200, B19200},     {38400, B38400},     {57600, B57600},     {115200, B115200},
      {230400, B230400},   {460800, B460800},   {500000, B500000},   {576000, B576000},   {921600, B921600},
      {1000000, B1000000}, {1152000, B1152000}, {1500000, B1500000}, {2000000, B2000000}, {3000000, B3000000},
      {4000000, B4000000}};
  const auto* found =
      std::find_if(std::begin(kSpeeds), std::end(kSpeeds), [&](const auto& entry) { return entry.first == baud; });
  if (found == std::end(kSpeeds)) return false;
  out = found->second;
  return true;
}

tcflag_t data_bits_flag(int bits) {
  switch (bits) {
    case 5:
      return CS5;
    case 6:
      return CS6;
    case 7:
      return CS7;
    default:
      return CS8;
  }
}

// Raw mode with `settings`; returns what could not be set, empty on success.
std::string configure_termios(int fd, const SerialSettings& settings) {
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) return std::string("not a terminal: ") + std::strerror(errno);
  ::cfmakeraw(&tio);
  speed_t speed = B9600;
  if (!to_speed(settings.baud, speed)) return "unsupported baud rate " + std::to_string(settings.baud);
  ::cfsetispeed(&tio, speed);
  ::cfsetospeed(&tio, speed);
  tio.c_cflag &= ~(CSIZE | PARENB | PARODD | CMSPAR | CSTOPB | CRTSCTS);
  tio.c_cflag |= CLOCAL | CREAD | data_bits_flag(settings.data_bits);
  switch (settings.parity) {
    case Parity::odd:
      tio.c_cflag |= PARENB | PARODD;
      break;
    case Parity::even:
      tio.c_cflag |= PARENB;
      break;
    case Parity::mark:
      tio.c_cflag |= PARENB | PARODD | CMSPAR;
      break;
    case Parity::space:
      tio.c_cflag |= PARENB | CMSPAR;
      break;
    case Parity::none:
      break;
  }
  if (settings.stop_bits == 2) tio.c_cflag |= CSTOPB;
  switch (settings.flow) {
    case FlowControl::xon_xoff:
      tio.c_iflag |= IXON | IXOFF;
      break;
    case FlowControl::rts_cts:
      tio.c_cflag |= CRTSCTS;
      break;
    case FlowControl::dtr_dsr:
      return "DTR/DSR flow control needs a port libserialport can open";
    case FlowControl::none:
      break;
  }
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) return std::string("cannot configure: ") + std::strerror(errno);
  return {};
}

}  // namespace

SerialTransport::SerialTransport(std::string resource, const std::string& path, const SerialSettings& settings)
    : resource_(std::move(resource)) {
  if (sp_get_port_by_name(path.c_str(), &port_) != SP_OK) {
    port_ = nullptr;
    open_with_termios(path, settings);
  } else {
    const auto check = [&](sp_return result, const std::string& what) {
      if (result == SP_OK) return;
      const std::string reason = last_error();
      sp_close(port_);
      sp_free_port(port_);
      port_ = nullptr;
      throw InstrumentError(resource_ + ": " + what + ": " + reason);
    };
    check(sp_open(port_, SP_MODE_READ_WRITE), "cannot open " + path);
    check(sp_set_baudrate(port_, settings.baud), "cannot set " + std::to_string(settings.baud) + " baud");
    check(sp_set_bits(port_, settings.data_bits), "cannot set " + std::to_string(settings.data_bits) + " data bits");
    check(sp_set_parity(port_, to_sp(settings.parity)), "cannot set the parity");
    check(sp_set_stopbits(port_, settings.stop_bits),
          "cannot set " + std::to_string(settings.stop_bits) + " stop bits");
    check(sp_set_flowcontrol(port_, to_sp(settings.flow)), "cannot set the flow control");
    check(sp_get_port_handle(port_, &fd_), "cannot get the descriptor of " + path);
    // Our own poll() deadlines need reads and writes that never block.
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  }
  stream_ = std::make_unique<FdStream>(fd_, false, resource_);
}

void SerialTransport::open_with_termios(const std::string& path, const SerialSettings& settings) {
  fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) throw InstrumentError(resource_ + ": cannot open " + path + ": " + std::strerror(errno));
  if (const std::string problem = configure_termios(fd_, settings); !problem.empty()) {
    ::close(fd_);
    fd_ = -1;
    throw InstrumentError(resource_ + ": " + path + ": " + problem);
  }
}

SerialTransport::~SerialTransport() {
  if (port_ != nullptr) {
    sp_close(port_);
    sp_free_port(port_);
  } else {
    ::close(fd_);
  }
}

void SerialTransport::send(std::string_view bytes, Deadline deadline) { stream_->send(bytes, deadline); }

bool SerialTransport::receive(std::string& out, std::size_t max_bytes, Deadline deadline) {
  stream_->receive(out, max_bytes, deadline);
  return false;
}

void SerialTransport::clear() {
  if (port_ != nullptr) {
    sp_flush(port_, SP_BUF_BOTH);
  } else {
    ::tcflush(fd_, TCIOFLUSH);
  }
  stream_->drain();
}

}  // namespace litmus::transport
