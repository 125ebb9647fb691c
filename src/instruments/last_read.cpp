#include "instruments/last_read.hpp"

namespace litmus {

namespace {
thread_local ScalarReadTrace last_read;
}

void remember_scalar_read(const EventLog& log, std::string_view role, std::string_view resource,
                          std::string_view channel, std::uint64_t seq, double value, const Instrument* instrument) {
  last_read.log = &log;
  last_read.role = role;
  last_read.resource = resource;
  last_read.channel = channel;
  last_read.seq = seq;
  last_read.value = value;
  last_read.instrument = instrument;
}

const ScalarReadTrace* scalar_read_matching(const EventLog& log, double value) {
  // A bit-equal double from another source right after a read is
  // attributed too; rare, and `seq` lets anyone check. NaN never matches.
  if (last_read.log != &log || !(last_read.value == value)) return nullptr;
  return &last_read;
}

}  // namespace litmus
