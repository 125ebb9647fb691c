#pragma once
// The SCPI error queue and the standard event status register (*ESR?) of a
// simulated instrument: errors are read oldest first by SYST:ERR?, the
// queue holds 20 and then reports -350 "Queue overflow" in its last slot,
// and each error class sets its ESR bit as IEEE 488.2 says.

#include <deque>
#include <string>

namespace litmus::sim {

class ErrorQueue {
 public:
  static constexpr std::size_t capacity = 20;

  void push(int code, const std::string& message);
  // "-113,\"Undefined header\"", or "+0,\"No error\"" when empty.
  std::string pop();
  std::size_t size() const { return entries_.size(); }
  void clear();  // *CLS: the queue and the event status register

  // *ESR?: read and clear.
  int take_event_status();
  void set_operation_complete() { event_status_ |= 1; }
  int event_status() const { return event_status_; }

 private:
  std::deque<std::string> entries_;
  int event_status_ = 0;
};

}  // namespace litmus::sim
