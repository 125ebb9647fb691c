// `litmus sim`: simulated SCPI instruments on loopback sockets, to develop
// and test drivers and test programs without a bench (docs/sim.md).

#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "sim/sim_config.hpp"
#include "sim/sim_models.hpp"
#include "sim/sim_server.hpp"

namespace litmus::cli {
namespace {

struct SimOptions {
  std::filesystem::path config;
  std::map<std::string, std::optional<int>> ports;  // type -> --<type> PORT
  bool all = false;
  std::optional<std::string> host;
  std::optional<std::uint64_t> seed;
  std::optional<double> noise;
  std::optional<int> delay_ms;
  std::optional<int> drop_every;
};

// What `litmus sim` serves without a config file or instrument options:
// the bench most test programs start from.
const std::vector<std::string> kDefaultTypes{"dmm", "psu", "scope", "eload"};

// Serves `type` on `port`: the config's instrument of that name when there
// is one, else a new one.
void serve(sim::SimConfig& config, const std::string& type, int port) {
  if (sim::SimEntry* entry = config.find(type)) {
    entry->port = static_cast<std::uint16_t>(port);
  } else {
    config.add(type, type, static_cast<std::uint16_t>(port), config.instruments.size() + 1);
  }
}

sim::SimConfig build_config(const SimOptions& options) {
  sim::SimConfig config = options.config.empty() ? sim::SimConfig{} : sim::load_sim_config(options.config);
  if (options.host) config.host = *options.host;
  bool named = false;
  for (const auto& [type, port] : options.ports) {
    if (!port) continue;
    named = true;
    serve(config, type, *port);
  }
  if (options.all) {
    for (const auto& type : sim::sim_model_types()) {
      if (!config.find(type)) config.add(type, type, 0, config.instruments.size() + 1);
    }
  } else if (config.instruments.empty() && !named) {
    for (const auto& type : kDefaultTypes) config.add(type, type, 0, config.instruments.size() + 1);
  }
  // Options override the file, for every instrument; each gets its own
  // seed so two instruments do not draw the same noise.
  std::uint64_t index = 0;
  for (auto& entry : config.instruments) {
    if (options.seed) entry.model->set_seed(*options.seed + index++);
    if (options.noise) entry.model->set_noise(*options.noise);
    sim::Faults faults = entry.model->faults();
    if (options.delay_ms) faults.reply_delay = std::chrono::milliseconds(*options.delay_ms);
    if (options.drop_every) faults.drop_every = *options.drop_every;
    entry.model->set_faults(faults);
  }
  return config;
}

int run_sim(const SimOptions& options) {
  sim::SimConfig config = build_config(options);
  // Blocked before the server's threads start, so they inherit the mask
  // and the signals wait for sigwait below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  sim::SimServer server(std::move(config));
  server.start();
  std::size_t width = 7;  // "switch" and a space
  for (const auto& endpoint : server.endpoints()) width = std::max(width, endpoint.name.size() + 1);
  // One line per instrument, flushed: scripts and tests read the resources
  // from here while the simulator runs.
  for (const auto& endpoint : server.endpoints()) {
    const sim::SimIdentity identity = server.instrument(endpoint.name).identity();
    std::cout << std::left << std::setw(static_cast<int>(width)) << endpoint.name << endpoint.resource() << "  ("
              << identity.manufacturer << " " << identity.model << ")\n";
  }
  std::cout << std::flush;
  std::cerr << "litmus sim: running; stop with Ctrl-C" << std::endl;
  int signal = 0;
  ::sigwait(&signals, &signal);
  server.stop();
  return 0;
}

}  // namespace

Command add_sim_command(CLI::App& app) {
  auto options = std::make_shared<SimOptions>();
  auto* command = app.add_subcommand("sim", "Start a SCPI instrument simulator on loopback");
  command->add_option("--config", options->config, "YAML file: instruments, identities, values, faults")
      ->check(CLI::ExistingFile);
  for (const auto& type : sim::sim_model_types()) {
    command->add_option("--" + type, options->ports[type], "Serve a simulated " + type + " on PORT (0: any free)")
        ->check(CLI::Range(0, 65535))
        ->type_name("PORT");
  }
  command->add_flag("--all", options->all, "Serve one of every simulated instrument type");
  command->add_option("--host", options->host, "Address to listen on (default 127.0.0.1)");
  command->add_option("--seed", options->seed, "Seed of the noise and random faults (reproducible runs)");
  command->add_option("--noise", options->noise, "Relative SD of every reading (1e-4: 100 ppm)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--delay-ms", options->delay_ms, "Delay before every reply, in ms")
      ->check(CLI::Range(0, 600000));
  command->add_option("--drop-every", options->drop_every, "Drop every Nth reply (0: none)")
      ->check(CLI::Range(0, 1 << 30));
  return {command, [options] { return run_sim(*options); }};
}

}  // namespace litmus::cli
