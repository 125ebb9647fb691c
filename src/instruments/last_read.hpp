#pragma once
// The last scalar instrument read of this thread, so a measurement
// recorded from it can name the instrument it came from (SPEC B5
// traceability) without the test saying so:
//   LITMUS_VERIFY("v_rail", dmm.measure_dc_voltage());
// The read happens just before verify(), on the same thread, with the very
// same value.

#include <cstdint>
#include <string>
#include <string_view>

namespace litmus {

class EventLog;
class Instrument;

struct ScalarReadTrace {
  const EventLog* log = nullptr;  // null: no read yet on this thread
  std::string role;
  std::string resource;
  std::string channel;
  std::uint64_t seq = 0;  // of the instrument.read event
  double value = 0;
  // The instrument itself, for its identity and calibration; it outlives
  // the run its reads are measured in (the station owns it).
  const Instrument* instrument = nullptr;
};

void remember_scalar_read(const EventLog& log, std::string_view role, std::string_view resource,
                          std::string_view channel, std::uint64_t seq, double value,
                          const Instrument* instrument = nullptr);

// The last read on this thread when it was made through `log` and returned
// exactly `value`; else null.
const ScalarReadTrace* scalar_read_matching(const EventLog& log, double value);

}  // namespace litmus
