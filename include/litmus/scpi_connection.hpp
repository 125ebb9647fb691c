#pragma once
// ScpiConnection: SCPI messages over a Transport — what every real driver
// talks through, and what Instrument::write/query/read expose raw.
//
// Every call has a deadline (timeout()); every error names the resource,
// the command and what came back:
//   TCPIP::127.0.0.1::5025::SOCKET: MEAS:VOLT:DC?: no reply within 2000 ms
// A lost connection is reported once with its cause; every later call
// fails at once ("... connection lost earlier: ...") instead of waiting
// for another timeout, so a step errors instead of hanging.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/error.hpp"
#include "litmus/transport.hpp"

namespace litmus {

// The SCPI error queue held errors after a command: entries as read,
// e.g. "-113,\"Undefined header\"".
class ScpiError : public InstrumentError {
 public:
  ScpiError(const std::string& message, std::vector<std::string> entries)
      : InstrumentError(message), entries_(std::move(entries)) {}
  const std::vector<std::string>& entries() const { return entries_; }

 private:
  std::vector<std::string> entries_;
};

struct ScpiOptions {
  std::chrono::milliseconds timeout{2000};
  // Appended to every command written; stripped from every reply read.
  std::string write_terminator = "\n";
  char read_terminator = '\n';
  // Replies longer than this are an error (a runaway stream, not a reply).
  std::size_t max_reply_bytes = 1 << 20;
};

class ScpiConnection {
 public:
  ScpiConnection(std::unique_ptr<Transport> transport, ScpiOptions options = {});
  ~ScpiConnection();
  ScpiConnection(const ScpiConnection&) = delete;
  ScpiConnection& operator=(const ScpiConnection&) = delete;

  const std::string& resource() const;
  std::chrono::milliseconds timeout() const;
  void set_timeout(std::chrono::milliseconds timeout);

  // Sends `command` plus the write terminator.
  void write(std::string_view command);
  // One reply message, terminator (and a trailing '\r') stripped.
  std::string read();
  // write() then read(); the error names `command`.
  std::string query(std::string_view command);
  // query() parsed as a number; a reply that is not one (or is SCPI's
  // 9.9e37 overflow) is an InstrumentError quoting it.
  double query_number(std::string_view command);
  // A comma-separated list of numbers ("1.0,2.5,-3e-3").
  std::vector<double> query_numbers(std::string_view command);

  // An IEEE 488.2 definite-length block "#<n><len><bytes>" (and the
  // terminator after it); the indefinite form "#0...\n" is accepted too.
  std::string read_block();
  std::string query_block(std::string_view command);

  // Reads SYST:ERR? until it reports 0 (at most 32 entries). Returns the
  // non-zero entries.
  std::vector<std::string> read_error_queue();
  // Throws ScpiError naming `after_command` when the queue held errors.
  void check_errors(std::string_view after_command);

  // *IDN? split into its four fields.
  struct Identity {
    std::string manufacturer, model, serial, firmware;
    std::string raw;
  };
  Identity identify();

  // True once the transport reported the connection lost.
  bool lost() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace litmus
