#include "sim/error_queue.hpp"

#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

std::string entry(int code, const std::string& message) {
  std::string quoted;
  for (char c : message) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return std::to_string(code) + ",\"" + quoted + "\"";
}

// The ESR bit of an error class (IEEE 488.2 11.5.1).
int event_bit(int code) {
  if (code <= -100 && code > -200) return 1 << 5;  // command error
  if (code <= -200 && code > -300) return 1 << 4;  // execution error
  if (code <= -400 && code > -500) return 1 << 2;  // query error
  return 1 << 3;                                   // device-dependent
}

}  // namespace

void ErrorQueue::push(int code, const std::string& message) {
  event_status_ |= event_bit(code);
  if (entries_.size() >= capacity) {
    entries_.back() = entry(scpi_errors::queue_overflow, standard_error_text(scpi_errors::queue_overflow));
    return;
  }
  entries_.push_back(entry(code, message));
}

std::string ErrorQueue::pop() {
  if (entries_.empty()) return "+0,\"No error\"";
  std::string first = std::move(entries_.front());
  entries_.pop_front();
  return first;
}

void ErrorQueue::clear() {
  entries_.clear();
  event_status_ = 0;
}

int ErrorQueue::take_event_status() {
  const int status = event_status_;
  event_status_ = 0;
  return status;
}

}  // namespace litmus::sim
