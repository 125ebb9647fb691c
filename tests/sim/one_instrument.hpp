#pragma once
// One simulated instrument served on an ephemeral loopback port, and a
// socket client connected to it: the setup most simulator tests share.

#include <memory>
#include <string>

#include "scpi_socket.hpp"
#include "sim/sim_server.hpp"

namespace litmus::sim::testing {

struct OneInstrument {
  explicit OneInstrument(const std::string& type, std::uint64_t seed = 1) : server(config_of(type, seed)) {
    server.start();
    client = std::make_unique<ScpiSocket>(server.port(type));
  }
  template <class Model>
  Model& model() {
    return server.model<Model>(server.endpoints().front().name);
  }
  std::string query(std::string_view line) { return client->query(line); }
  void write(std::string_view line) { client->write(line); }

  SimServer server;
  std::unique_ptr<ScpiSocket> client;

 private:
  static SimConfig config_of(const std::string& type, std::uint64_t seed) {
    SimConfig config;
    config.add(type, type, 0, seed);
    return config;
  }
};

}  // namespace litmus::sim::testing
