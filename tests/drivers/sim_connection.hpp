#pragma once
// One simulated instrument served on loopback and a ScpiConnection to it:
// what a driver test builds its driver from, exactly as a station would
// (open_transport on the VISA resource, then the driver on the connection).

#include <litmus/driver_registry.hpp>
#include <litmus/scpi_connection.hpp>
#include <litmus/transport.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "sim/sim_server.hpp"

namespace litmus::testing {

class SimConnection {
 public:
  // `type` is a sim model ("dmm", "psu", "scope" ...), also used as role.
  // `prepare` configures the model (identity, noise, faults) before the
  // server starts listening.
  template <class Prepare>
  SimConnection(const std::string& type, Prepare&& prepare,
                std::chrono::milliseconds timeout = std::chrono::milliseconds(2000))
      : role_(type), server_(configure(type, prepare)) {
    connect(timeout);
  }
  explicit SimConnection(const std::string& type,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(2000))
      : SimConnection(type, [](sim::SimInstrument&) {}, timeout) {}

  template <class Model>
  Model& model() {
    return server_.model<Model>(role_);
  }
  ScpiConnection& io() { return *io_; }
  std::string resource() const { return server_.resource(role_); }

  // The station file's `channels:`, seen by drivers built after this.
  void set_channels(std::vector<std::string> channels) { channels_ = std::move(channels); }
  DriverContext context() { return {*io_, role_, channels_}; }

  template <class Driver>
  std::unique_ptr<Driver> driver() {
    DriverContext ctx = context();
    return std::make_unique<Driver>(ctx);
  }

 private:
  template <class Prepare>
  static sim::SimConfig configure(const std::string& type, Prepare& prepare) {
    sim::SimConfig config;
    prepare(config.add(type, type));
    return config;
  }
  void connect(std::chrono::milliseconds timeout) {
    ScpiOptions options;
    options.timeout = timeout;
    server_.start();
    io_ = std::make_shared<ScpiConnection>(open_transport(server_.resource(role_), timeout), options);
  }

  std::string role_;
  std::vector<std::string> channels_;
  sim::SimServer server_;
  std::shared_ptr<ScpiConnection> io_;
};

}  // namespace litmus::testing
