#pragma once
// Making a station's instruments safe (nothing on the bench energised):
// what a session does at its end and the test runner on a signal.

#include <memory>
#include <span>

#include "litmus/event.hpp"
#include "litmus/instrument.hpp"

namespace litmus {

class EventLog;

// Calls make_safe() on every instrument, in order. A failure is emitted on
// `log` as a diagnostic.warning naming the role (with `context`, role set)
// and the next instrument is still made safe: one stuck instrument must not
// leave the others energised. Throws only when `log` cannot record.
void make_instruments_safe(std::span<const std::unique_ptr<Instrument>> instruments, EventLog& log,
                           const EventContext& context);

}  // namespace litmus
