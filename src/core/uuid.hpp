#pragma once

#include <string>
#include <string_view>

namespace litmus {

// A random (version 4) UUID in canonical lower-case text form.
std::string make_uuid();
// True for the canonical 36-character form (8-4-4-4-12 hex digits).
bool is_uuid(std::string_view text);

}  // namespace litmus
