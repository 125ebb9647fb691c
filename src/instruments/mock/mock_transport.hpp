#pragma once
// The in-process transport behind a mock instrument, so raw SCPI
// (Instrument::write/query/read) works in mock mode too. It answers:
//   - a command of mock_config's `query:` entry, from that entry;
//   - "*IDN?" from the instrument's identity (its asset file), or
//     "Litmus,Mock <type>,<role>,<version>" for fields it does not give;
//   - "SYST:ERR?" with 0,"No error" (a mock never errs on its own), "*OPC?"
//     with 1.
// Any other query fails at once with an InstrumentError naming the role
// and the command (a real instrument would time out; a mock says why).
// Writes are accepted and do nothing.

#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "instruments/mock/mock_value.hpp"
#include "litmus/instrument.hpp"
#include "litmus/transport.hpp"

namespace litmus {

class MockTransport : public Transport {
 public:
  // `binding` gives the role, type and identity; `mock_config` was
  // validated when the station was loaded.
  MockTransport(const InstrumentBinding& binding, const nlohmann::json& mock_config);

  void send(std::string_view bytes, Deadline deadline) override;
  bool receive(std::string& out, std::size_t max_bytes, Deadline deadline) override;
  void clear() override;
  const std::string& resource() const override { return resource_; }

 private:
  // One answered query: its reply, or why there is none.
  struct Answer {
    std::string reply;  // with the terminator
    std::string error;  // non-empty: no reply; receive() throws this
  };

  Answer answer(const std::string& command);

  std::string role_;
  std::string resource_;  // "mock:<role>"
  std::string idn_;
  std::optional<MockValue> replies_;  // mock_config's `query:` entry
  std::string pending_;               // written bytes not yet ending a message
  std::deque<Answer> answers_;        // oldest first; the front may be half read
};

}  // namespace litmus
