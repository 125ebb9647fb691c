// `litmus discover`: the instruments this machine can reach, with what they
// answer to *IDN?.

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/discovery_options.hpp"
#include "cli/text_table.hpp"

namespace litmus::cli {
namespace {

struct DiscoverOptions {
  DiscoveryFlags discovery;
  bool json = false;
};

nlohmann::json to_json(const DiscoveredInstrument& found) {
  return {{"resource", found.resource},
          {"interface", found.interface},
          {"manufacturer", found.identity.manufacturer},
          {"model", found.identity.model},
          {"serial", found.identity.serial},
          {"firmware", found.identity.firmware},
          {"idn", found.idn},
          {"description", found.description},
          {"error", found.error}};
}

int run_discover(const DiscoverOptions& options) {
  const auto found = discover_instruments(options.discovery.resolved());
  if (options.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& instrument : found) rows.push_back(to_json(instrument));
    std::cout << rows.dump(2) << '\n';
    return 0;
  }
  if (found.empty()) {
    std::cout << "no instruments found. Is the instrument on, and on this machine's network? Name it with --host "
                 "HOST[:PORT], or check /dev/usbtmc* permissions.\n";
    return 0;
  }
  TextTable table({"Resource", "Interface", "Manufacturer", "Model", "Serial", "Firmware"});
  for (const auto& instrument : found) {
    if (!instrument.error.empty()) {
      table.add_row({instrument.resource, instrument.interface, "(no answer: " + instrument.error + ")"});
    } else if (instrument.idn.empty()) {
      table.add_row({instrument.resource, instrument.interface, instrument.description.empty()
                                                                   ? "(not asked: --probe-serial)"
                                                                   : instrument.description + " (not asked)"});
    } else {
      table.add_row({instrument.resource, instrument.interface, instrument.identity.manufacturer,
                     instrument.identity.model, instrument.identity.serial, instrument.identity.firmware});
    }
  }
  table.print(std::cout);
  return 0;
}

}  // namespace

Command add_discover_command(CLI::App& app) {
  auto options = std::make_shared<DiscoverOptions>();
  auto* sub = app.add_subcommand(
      "discover", "List reachable instruments (VXI-11 broadcast, USBTMC, serial ports, --host) with their *IDN?");
  add_discovery_options(*sub, options->discovery);
  sub->add_flag("--json", options->json, "Print a JSON array");
  return {sub, [options] { return run_discover(*options); }};
}

}  // namespace litmus::cli
