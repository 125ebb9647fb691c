#pragma once
// The options `litmus discover` and `litmus station init` share: where to
// look for instruments and how long to wait.

#include <memory>

#include "discovery/instrument_discovery.hpp"

namespace CLI {
class App;
}

namespace litmus::cli {

struct DiscoveryFlags {
  DiscoveryOptions options;
  int timeout_ms = 1000;
  bool no_vxi11 = false;
  bool no_usbtmc = false;
  bool no_serial = false;
  bool quiet = false;

  // `options` with the flags applied and a progress line on stderr (unless
  // --quiet).
  DiscoveryOptions resolved() const;
};

void add_discovery_options(CLI::App& command, DiscoveryFlags& flags);

}  // namespace litmus::cli
