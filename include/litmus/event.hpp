#pragma once
// The one record type of Litmus: every fact is an append-only Event.
// Field meanings are documented in docs/event-types.md.

#include <cstdint>
#include <string>

namespace litmus {

struct Event {
  std::string session_id;  // UUID text
  std::uint64_t seq = 0;   // per session, gap-free, starts at 1
  std::string run_id;      // UUID text or empty
  std::int64_t ts = 0;     // ns since the Unix epoch, UTC
  std::string type;        // "session.started", "instrument.read", ...
  std::string role;        // instrument role ("dmm") or empty
  std::string step_path;   // "Suite/Test" or empty
  std::int32_t vector_index = -1;
  std::string payload;     // a JSON object, type-specific
};

// Where an event belongs besides its session; all optional.
struct EventContext {
  std::string run_id;
  std::string role;
  std::string step_path;
  std::int32_t vector_index = -1;
};

// Every event type Litmus itself emits (docs/event-types.md). Other types
// are stored and shown raw.
namespace event_type {
inline constexpr const char* session_started = "session.started";
inline constexpr const char* session_ended = "session.ended";
inline constexpr const char* run_started = "run.started";
inline constexpr const char* run_ended = "run.ended";
inline constexpr const char* run_output = "run.output";
inline constexpr const char* instrument_connected = "instrument.connected";
inline constexpr const char* instrument_disconnected = "instrument.disconnected";
inline constexpr const char* instrument_read = "instrument.read";
inline constexpr const char* instrument_set = "instrument.set";
inline constexpr const char* instrument_configure = "instrument.configure";
inline constexpr const char* instrument_identity_verified = "instrument.identity_verified";
inline constexpr const char* instrument_calibration_warning = "instrument.calibration_warning";
inline constexpr const char* test_steps_discovered = "test.steps_discovered";
inline constexpr const char* test_step_started = "test.step_started";
inline constexpr const char* test_step_ended = "test.step_ended";
inline constexpr const char* test_measurement = "test.measurement";
inline constexpr const char* diagnostic_warning = "diagnostic.warning";
inline constexpr const char* diagnostic_error = "diagnostic.error";
}  // namespace event_type

}  // namespace litmus
