#pragma once
// Sending a setting and making sure the instrument took it: a SCPI
// instrument reports a rejected command only in its error queue, so a
// setter that did not check would leave the bench silently unconfigured.
// Queries need no such check: a rejected query gives no reply and fails
// on its own.

#include <initializer_list>
#include <string>
#include <string_view>

#include "litmus/scpi_connection.hpp"

namespace litmus::drivers {

// write(command), then check_errors(command): throws ScpiError naming the
// command and quoting the queue's entries.
inline void write_checked(ScpiConnection& io, std::string_view command) {
  io.write(command);
  io.check_errors(command);
}

// Several settings, then one check of the queue (which keeps every entry
// until read) naming them all, since any of them may be the one refused:
// one round trip instead of one per command.
inline void write_all_checked(ScpiConnection& io, std::initializer_list<std::string> commands) {
  std::string sent;
  for (const std::string& command : commands) {
    io.write(command);
    sent += (sent.empty() ? "" : "; ") + command;
  }
  io.check_errors(sent);
}

}  // namespace litmus::drivers
