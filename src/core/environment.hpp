#pragma once
// Facts about the running process and its environment variables.

#include <optional>
#include <string>

namespace litmus {

std::string host_name();
// LITMUS_OPERATOR, else the login name, else "unknown".
std::string default_operator();
// The variable's value when set and non-empty.
std::optional<std::string> env_value(const char* name);
// A boolean variable ("1/true/yes/on", "0/false/no/off"); nullopt when
// unset. Throws litmus::Error naming the variable for anything else.
std::optional<bool> env_flag(const char* name);

}  // namespace litmus
