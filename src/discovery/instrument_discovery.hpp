#pragma once
// Finding the instruments a bench can reach (SPEC A5, `litmus discover`,
// `litmus station init`): VXI-11 broadcast (liblxi), USBTMC device nodes,
// serial ports (libserialport), and hosts named by the user probed as raw
// SCPI sockets. Each candidate is asked *IDN?.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/instrument_identity.hpp"

namespace litmus {

struct DiscoveredInstrument {
  std::string resource;   // VISA resource to put in a station file
  std::string interface;  // "vxi11", "socket", "usbtmc", "serial"
  InstrumentIdentity identity;
  std::string idn;    // the *IDN? reply as received; empty when not asked or no answer
  std::string error;  // why it could not be asked, when it could not
  std::string description;  // the port's own description (serial), may be empty
};

struct DiscoveryOptions {
  std::chrono::milliseconds timeout{1000};  // per probe, and for the broadcast
  bool vxi11 = true;
  bool usbtmc = true;
  bool serial = true;
  // Serial ports are listed always but asked *IDN? only when this is set:
  // writing to an unknown serial port may upset whatever is attached.
  bool probe_serial = false;
  int baud = 9600;
  // "host" or "host:port" (default port 5025), probed as raw sockets.
  std::vector<std::string> hosts;
  // Told each step ("broadcasting VXI-11 …", "asking TCPIP::… *IDN?").
  std::function<void(std::string_view)> progress;
};

// Sorted by interface then resource; never throws for an unreachable
// candidate (its `error` says why).
std::vector<DiscoveredInstrument> discover_instruments(const DiscoveryOptions& options);

}  // namespace litmus
