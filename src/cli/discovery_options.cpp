#include "cli/discovery_options.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace litmus::cli {

DiscoveryOptions DiscoveryFlags::resolved() const {
  DiscoveryOptions resolved_options = options;
  resolved_options.timeout = std::chrono::milliseconds(timeout_ms);
  resolved_options.vxi11 = !no_vxi11;
  resolved_options.usbtmc = !no_usbtmc;
  resolved_options.serial = !no_serial;
  if (!quiet) {
    resolved_options.progress = [](std::string_view step) { std::cerr << "litmus: " << step << '\n'; };
  }
  return resolved_options;
}

void add_discovery_options(CLI::App& command, DiscoveryFlags& flags) {
  command.add_option("--host", flags.options.hosts, "Also probe HOST[:PORT] as a raw SCPI socket (port 5025)");
  command.add_option("--timeout", flags.timeout_ms, "Milliseconds to wait for each answer and for the broadcast")
      ->check(CLI::Range(10, 60'000))
      ->capture_default_str();
  command.add_flag("--no-vxi11,--no-lxi", flags.no_vxi11, "Skip the VXI-11 broadcast");
  command.add_flag("--no-usbtmc", flags.no_usbtmc, "Skip /dev/usbtmc* devices");
  command.add_flag("--no-serial", flags.no_serial, "Skip serial ports");
  command.add_flag("--probe-serial", flags.options.probe_serial,
                   "Ask *IDN? on serial ports too (they are only listed otherwise)");
  command.add_option("--baud", flags.options.baud, "Baud rate for --probe-serial")
      ->check(CLI::Range(50, 4'000'000))
      ->capture_default_str();
  command.add_flag("--quiet,-q", flags.quiet, "No progress lines on stderr");
}

}  // namespace litmus::cli
