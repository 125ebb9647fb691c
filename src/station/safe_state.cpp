#include "station/safe_state.hpp"

#include <exception>
#include <nlohmann/json.hpp>
#include <string>

#include "litmus/event_log.hpp"

namespace litmus {

void make_instruments_safe(std::span<const std::unique_ptr<Instrument>> instruments, EventLog& log,
                           const EventContext& context) {
  for (const auto& instrument : instruments) {
    std::string failure;
    try {
      instrument->make_safe();
      continue;
    } catch (const std::exception& error) {
      failure = error.what();
    } catch (...) {
      // A user driver may throw anything; the next instrument still counts.
      failure = "an exception that is not a std::exception";
    }
    EventContext ctx = context;
    ctx.role = instrument->role();
    log.emit(event_type::diagnostic_warning,
             {{"message", "could not make " + instrument->role() + " safe: " + failure +
                              "; it may still be energised"}},
             ctx);
  }
}

}  // namespace litmus
