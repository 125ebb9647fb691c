#pragma once
// Exceptions thrown at Litmus' API edge. Messages name the file, key,
// resource or argument at fault so the user can act on them.

#include <stdexcept>
#include <string>

namespace litmus {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A project, station or other YAML file is missing, malformed or invalid.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// The session journal could not be written: the event was NOT recorded.
class JournalError : public Error {
 public:
  using Error::Error;
};

// The event store could not be opened or queried.
class StoreError : public Error {
 public:
  using Error::Error;
};

// An instrument call failed (timeout, bad reply, unconfigured mock method).
class InstrumentError : public Error {
 public:
  using Error::Error;
};

}  // namespace litmus
