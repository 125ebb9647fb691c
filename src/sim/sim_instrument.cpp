#include "sim/sim_instrument.hpp"

#include <cmath>

#include "sim/scpi_fault.hpp"
#include "sim/scpi_message.hpp"

namespace litmus::sim {

SimInstrument::SimInstrument(std::string type, SimIdentity identity)
    : type_(std::move(type)), identity_(std::move(identity)), rng_(1), dropper_(1) {
  add_common_commands();
}

SimInstrument::~SimInstrument() = default;

void SimInstrument::add_common_commands() {
  commands_.add("*IDN?", 0, [this](Call& call) {
    call.reply = identity_.manufacturer + "," + identity_.model + "," + identity_.serial + "," + identity_.firmware;
  });
  commands_.add("*RST", 0, [this](Call&) { reset(); });
  commands_.add("*CLS", 0, [this](Call&) { errors_.clear(); });
  // Every command completes before the next is read: *OPC? answers at once.
  commands_.add("*OPC", 0, [this](Call&) { errors_.set_operation_complete(); });
  commands_.add("*OPC?", 0, [](Call& call) { call.reply = "1"; });
  commands_.add("*WAI", 0, [](Call&) {});
  commands_.add("*TST?", 0, [](Call& call) { call.reply = "0"; });
  commands_.add("*ESR?", 0, [this](Call& call) { call.reply = std::to_string(errors_.take_event_status()); });
  commands_.add("*ESE", 1, [this](Call& call) { event_enable_ = static_cast<int>(call.integer(0, 0, 255)); });
  commands_.add("*ESE?", 0, [this](Call& call) { call.reply = std::to_string(event_enable_); });
  commands_.add("*STB?", 0, [this](Call& call) {
    const int error_available = errors_.size() > 0 ? 1 << 2 : 0;
    const int event_summary = (errors_.event_status() & event_enable_) != 0 ? 1 << 5 : 0;
    call.reply = std::to_string(error_available | event_summary);
  });
  commands_.add("SYSTem:ERRor[:NEXT]?", 0, [this](Call& call) { call.reply = errors_.pop(); });
  commands_.add("SYSTem:ERRor:COUNt?", 0, [this](Call& call) { call.reply = std::to_string(errors_.size()); });
  commands_.add("SYSTem:VERSion?", 0, [](Call& call) { call.reply = "1999.0"; });
}

std::optional<std::string> SimInstrument::execute(std::string_view message) {
  std::lock_guard lock(mutex_);
  std::string reply;
  bool answered = false;
  try {
    std::vector<HeaderNode> prefix;
    for (std::string_view text : split_commands(message)) {
      const ScpiCommand command = parse_command(text, prefix);
      std::string answer = commands_.execute(command);
      if (!command.query) continue;
      if (answered) {
        reply += ';';
        reply += answer;
      } else {
        reply = std::move(answer);
        answered = true;
      }
    }
  } catch (const ScpiFault& fault) {
    errors_.push(fault.code(), fault.what());
  } catch (const std::exception& error) {
    // A model's bug must not take the connection (or the process) down:
    // it shows as a device error the test then reads.
    errors_.push(-300, std::string("Device-specific error; ") + error.what());
  }
  if (!answered) return std::nullopt;
  return reply;
}

void SimInstrument::push_error(int code, const std::string& message) {
  std::lock_guard lock(mutex_);
  errors_.push(code, message.empty() ? standard_error_text(code) : message);
}

void SimInstrument::set_identity(SimIdentity identity) {
  std::lock_guard lock(mutex_);
  identity_ = std::move(identity);
}

SimIdentity SimInstrument::identity() const {
  std::lock_guard lock(mutex_);
  return identity_;
}

void SimInstrument::set_noise(double relative_sd) {
  std::lock_guard lock(mutex_);
  noise_ = relative_sd;
}

void SimInstrument::set_seed(std::uint64_t seed) {
  std::lock_guard lock(mutex_);
  rng_.seed(seed);
  dropper_ = ReplyDropper(seed ^ 0x9e3779b97f4a7c15ULL);
}

void SimInstrument::set_faults(const Faults& faults) {
  std::lock_guard lock(mutex_);
  faults_ = faults;
}

Faults SimInstrument::faults() const {
  std::lock_guard lock(mutex_);
  return faults_;
}

bool SimInstrument::drop_next_reply() {
  std::lock_guard lock(mutex_);
  return dropper_.drop(faults_);
}

void SimInstrument::configure(const config::YamlAt& settings) { config::check_keys(settings, {}); }

double SimInstrument::noisy(double value) {
  const double sd = noise_ * std::abs(value);
  if (!(sd > 0.0)) return value;
  return value + std::normal_distribution<double>(0.0, sd)(rng_);
}

}  // namespace litmus::sim
