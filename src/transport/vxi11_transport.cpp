#include "transport/vxi11_transport.hpp"

#include <lxi.h>

#include <algorithm>
#include <mutex>

#include "transport/fd_stream.hpp"

namespace litmus::transport {

namespace {

// The largest message one read can return: a long waveform block.
constexpr std::size_t kMaxMessage = 64 * 1024 * 1024;

std::mutex& lxi_mutex() {
  static std::mutex mutex;
  return mutex;
}

// lxi_init once per process, under the lxi mutex.
void init_lxi_locked() {
  static const bool initialised = [] {
    lxi_init();
    return true;
  }();
  static_cast<void>(initialised);
}

// liblxi wants at least 1 ms: 0 would mean its own default.
int lxi_timeout(Deadline deadline) { return std::max(1, poll_timeout_ms(deadline)); }

}  // namespace

Vxi11Transport::Vxi11Transport(std::string resource, std::string host, std::string device_name,
                               std::chrono::milliseconds timeout)
    : resource_(std::move(resource)),
      host_(std::move(host)),
      device_name_(std::move(device_name)),
      connect_timeout_(timeout),
      message_(std::make_unique_for_overwrite<char[]>(kMaxMessage)) {
  std::lock_guard lock(lxi_mutex());
  init_lxi_locked();
  connect_locked();
}

Vxi11Transport::~Vxi11Transport() {
  std::lock_guard lock(lxi_mutex());
  if (device_ >= 0) lxi_disconnect(device_);
}

void Vxi11Transport::connect_locked() {
  // liblxi 1.18 turns the sub-second part of the connect timeout into
  // microseconds, not milliseconds: 500 ms waits 0.5 ms, and a connect
  // finishing just then deadlocks its watcher thread against the caller
  // (seen with a refused connection). Whole seconds avoid both.
  const auto whole_seconds = std::max<long long>(1, (connect_timeout_.count() + 999) / 1000);
  const int timeout_ms = static_cast<int>(whole_seconds * 1000);
  device_ = lxi_connect(host_.c_str(), 0, device_name_.c_str(), timeout_ms, VXI11);
  if (device_ < 0) {
    throw InstrumentError(resource_ + ": cannot open a VXI-11 link to device '" + device_name_ + "' within " +
                          std::to_string(timeout_ms) + " ms (host down, not VXI-11, or wrong name)");
  }
}

void Vxi11Transport::send(std::string_view bytes, Deadline deadline) {
  std::lock_guard lock(lxi_mutex());
  if (device_ < 0) throw ConnectionLost(resource_ + ": the VXI-11 link could not be re-created");
  received_ = given_ = 0;
  const int sent = lxi_send(device_, bytes.data(), static_cast<int>(bytes.size()), lxi_timeout(deadline));
  if (sent != static_cast<int>(bytes.size())) {
    throw TransportTimeout(resource_ + ": VXI-11 write failed (timeout or link down)");
  }
}

bool Vxi11Transport::receive(std::string& out, std::size_t max_bytes, Deadline deadline) {
  if (given_ == received_) {
    std::lock_guard lock(lxi_mutex());
    if (device_ < 0) throw ConnectionLost(resource_ + ": the VXI-11 link could not be re-created");
    const int got = lxi_receive(device_, message_.get(), static_cast<int>(kMaxMessage), lxi_timeout(deadline));
    if (got < 0) throw TransportTimeout(resource_ + ": VXI-11 read failed (timeout or link down)");
    received_ = static_cast<std::size_t>(got);
    given_ = 0;
  }
  const std::size_t take = std::min(max_bytes, received_ - given_);
  out.append(message_.get() + given_, take);
  given_ += take;
  return given_ == received_;
}

void Vxi11Transport::clear() {
  std::lock_guard lock(lxi_mutex());
  received_ = given_ = 0;
  // liblxi has no device_clear; a new link abandons the old one's pending
  // read so the next reply is the next command's.
  if (device_ >= 0) lxi_disconnect(device_);
  device_ = -1;
  try {
    connect_locked();
  } catch (const InstrumentError&) {
    device_ = -1;
  }
}

}  // namespace litmus::transport
