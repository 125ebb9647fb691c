#pragma once
// A SCPI error a simulated instrument reports through its error queue
// (SYST:ERR?), thrown from the parser or a command handler and caught by
// the instrument, which queues it and goes on with the next command.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace litmus::sim {

class ScpiFault : public std::runtime_error {
 public:
  // `message` empty: the standard text for `code` (-113 "Undefined header").
  explicit ScpiFault(int code, const std::string& message = {});
  int code() const { return code_; }

 private:
  int code_;
};

// The standard SCPI-99 text of an error code; "Device-specific error" for
// codes without one.
std::string standard_error_text(int code);

// The 0-based index of `number` (from 1) among `count` outputs, channels
// ...; -114 "Header suffix out of range" naming `what` when outside.
std::size_t checked_index(int number, std::size_t count, const char* what);

// The error numbers the simulator raises.
namespace scpi_errors {
inline constexpr int syntax = -102;
inline constexpr int data_type = -104;
inline constexpr int parameter_not_allowed = -108;
inline constexpr int missing_parameter = -109;
inline constexpr int undefined_header = -113;
inline constexpr int header_suffix_out_of_range = -114;
inline constexpr int settings_conflict = -221;
inline constexpr int data_out_of_range = -222;
inline constexpr int illegal_parameter_value = -224;
inline constexpr int queue_overflow = -350;
}  // namespace scpi_errors

}  // namespace litmus::sim
