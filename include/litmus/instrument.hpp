#pragma once
// Instrument: the recorded face of one station instrument.
//
// Typed instruments (Dmm, Scope, ...) derive from it. Their methods call a
// driver (mock or real) and record every call as an event, so test code
// never logs by hand. Drivers are separate classes (DmmDriver, ...) so the
// same recorded instrument works with a mock, a generic SCPI driver or a
// model-specific one.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/event.hpp"
#include "litmus/instrument_identity.hpp"
#include "litmus/scpi_connection.hpp"
#include "litmus/waveform.hpp"

namespace litmus {

class EventLog;

// What an instrument needs from its station to record its calls.
struct InstrumentBinding {
  EventLog* log = nullptr;                // never null once connected
  const EventContext* context = nullptr;  // run/step the station is in, may be null
  std::string role;                       // "dmm"
  std::string type;                       // "dmm", "scope"
  std::string resource;                   // VISA resource or "mock"
  bool mocked = false;
  std::string driver;                 // registered driver name ("scpi", "keysight_344xx", "mock")
  std::vector<std::string> channels;  // the station file's `channels:`
  // The message channel to the instrument; never null once connected. A
  // mock's is served in-process (from mock_config's `query:` entry and the
  // asset identity), so raw write/query work in mock mode too.
  std::shared_ptr<ScpiConnection> io;
  // From the asset file (mock) or *IDN? (real); empty fields when unknown.
  InstrumentIdentity identity;
  std::string asset;  // asset id (instruments/<id>.yaml), empty when none
  CalibrationInfo calibration;
};

class Instrument {
 public:
  virtual ~Instrument();
  Instrument(const Instrument&) = delete;
  Instrument& operator=(const Instrument&) = delete;

  const std::string& role() const { return binding_.role; }
  const std::string& type() const { return binding_.type; }
  const std::string& resource() const { return binding_.resource; }
  bool mocked() const { return binding_.mocked; }
  const std::string& driver_name() const { return binding_.driver; }
  const std::vector<std::string>& channels() const { return binding_.channels; }
  const InstrumentIdentity& identity() const { return binding_.identity; }
  const std::string& asset() const { return binding_.asset; }
  const CalibrationInfo& calibration() const { return binding_.calibration; }

  // Raw SCPI, always available (SPEC A3), recorded like every other call:
  // write() is an instrument.configure event {method: "write", command},
  // query()/read()/read_block() instrument.read events {method, command,
  // reply} (a block's reply is its length in bytes). Errors are
  // InstrumentErrors naming the role, resource and command.
  void write(std::string_view command);
  std::string query(std::string_view command);
  std::string read();
  std::string read_block();  // IEEE 488.2 definite-length block, bytes
  // The unrecorded connection, for drivers and diagnostics (identify()
  // after connecting). Throws InstrumentError when the instrument has none
  // (one built by hand without `io`).
  ScpiConnection& connection();

  // Puts this instrument in a state where nothing on the bench is
  // energised (a supply's output off, a load's input off ...). The default
  // does nothing: a DMM or a scope drives nothing. Test code may call it;
  // Litmus calls it on every instrument when the session ends, whatever the
  // outcome (before instrument.disconnected), and the test runner calls it
  // when a run is terminated by a signal — so a failed or interrupted test
  // never leaves a board powered on the bench. A failure there is recorded
  // as a diagnostic.warning naming the role and does not stop the other
  // instruments from being made safe.
  virtual void make_safe();

 protected:
  explicit Instrument(InstrumentBinding binding);

  // Runs `call` and emits one instrument.read with the value (or the
  // error, which is rethrown) on channel "<role>.<quantity>".
  double record_scalar_read(std::string_view method, std::string_view quantity, std::string_view units,
                            const std::function<double()>& call);

  // Same for an array: the samples go to the ChannelStore and the event
  // carries the claim check; the returned waveform has `ref` set.
  Waveform record_waveform_read(std::string_view method, std::string_view quantity,
                                const std::function<Waveform()>& call);

  // Runs `call` (a driver setter) and emits one instrument.set with the
  // setting's name, value and units. A failure is recorded in the event's
  // `error` and rethrown as an InstrumentError naming the role and method.
  void record_set(std::string_view method, std::string_view setting, nlohmann::json value, std::string_view units,
                  const std::function<void()>& call);
  // Same, with the keys of `extra` (an object) added to the payload: which
  // output of a supply, which route of a switch.
  void record_set(std::string_view method, std::string_view setting, nlohmann::json value, std::string_view units,
                  nlohmann::json extra, const std::function<void()>& call);

  // Runs `call` (range, mode, timebase ...) and emits one
  // instrument.configure whose payload is {method, <the keys of
  // `settings`, a JSON object>, duration_ns}; failures as record_set.
  void record_configure(std::string_view method, nlohmann::json settings, const std::function<void()>& call);

  // One recorded call at a time per instrument: the signal watcher's
  // make_safe() may run while the test thread is mid-call, and a
  // transport's bytes must not interleave. Every record_* call holds it;
  // a method making several driver calls (make_safe over every output)
  // holds it across them.
  std::recursive_mutex& call_mutex() { return call_mutex_; }

 private:
  EventContext context() const;
  InstrumentBinding binding_;
  std::recursive_mutex call_mutex_;
};

}  // namespace litmus
