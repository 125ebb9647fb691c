#pragma once
// Reading SCPI replies: numbers (with SCPI's overflow and not-a-number
// markers), error-queue entries, and replies quoted for error messages.

#include <optional>
#include <string>
#include <string_view>

#include "litmus/instrument_identity.hpp"

namespace litmus::transport {

// A reply as it goes into an error message: control bytes escaped
// ("\n", "\x00"), cut after `limit` characters with the full length noted.
std::string quote_reply(std::string_view reply, std::size_t limit = 120);

// "+1.23456789E+00", " 42 ", "-3e-3" → the value. nullopt when the text is
// not one number, or is not finite.
std::optional<double> parse_scpi_number(std::string_view text);

// SCPI's 9.9E37 "overflow" and 9.91E37 "not a number" replies: a reading
// the instrument could not make, never a value.
bool is_scpi_overflow(double value);

// `-113,"Undefined header"` → -113; nullopt when the entry does not start
// with an integer code.
std::optional<int> error_entry_code(std::string_view entry);

// "Keysight Technologies,34461A,MY53012345,A.03.01" → its four fields,
// trimmed. The firmware field takes the rest: some instruments put commas
// in it. Missing fields stay empty.
InstrumentIdentity split_idn(std::string_view reply);

}  // namespace litmus::transport
