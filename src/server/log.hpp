#pragma once
// The server's console log: one timestamped line per call on stderr, safe
// to call from any of the server's threads.

#include <string_view>

namespace litmus::server {

void log_line(std::string_view message);

}  // namespace litmus::server
