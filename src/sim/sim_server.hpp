#pragma once
// SimServer: serves simulated instruments over raw SCPI sockets, one
// listening TCP socket per instrument (what a LAN instrument's port 5025
// is), a thread per connection. Messages end with '\n' ("\r\n" too);
// every reply is one line. The faults of each instrument (delay, dropped
// replies, cut connections) are applied here.
//
//   sim::SimConfig config;
//   config.add("dmm", "dmm");                        // name, type, port 0
//   sim::SimServer sim(std::move(config));
//   sim.start();                                     // listening now
//   std::uint16_t port = sim.port("dmm");
//   std::string resource = sim.resource("dmm");      // TCPIP::127.0.0.1::<port>::SOCKET
//   sim.model<sim::SimDmm>("dmm").set_value(DmmFunction::dc_voltage, 3.3);
//   sim.stop();                                      // or let the destructor

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "sim/sim_config.hpp"

namespace litmus::sim {

struct SimEndpoint {
  std::string name;
  std::string type;
  std::string host;
  std::uint16_t port = 0;
  // "TCPIP::127.0.0.1::5025::SOCKET"
  std::string resource() const;
};

class SimServer {
 public:
  explicit SimServer(SimConfig config);
  ~SimServer();  // stop()
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  // Listens on every instrument's port (0: one the system picks) and
  // serves them from background threads. Throws litmus::Error naming the
  // host and port it could not bind. Once only.
  void start();

  // Where the instruments listen, in config order (empty before start()).
  const std::vector<SimEndpoint>& endpoints() const { return endpoints_; }
  // These throw litmus::Error for an unknown name (or before start()).
  const SimEndpoint& endpoint(std::string_view name) const;
  std::uint16_t port(std::string_view name) const { return endpoint(name).port; }
  std::string resource(std::string_view name) const { return endpoint(name).resource(); }
  SimInstrument& instrument(std::string_view name);
  template <class Model>
  Model& model(std::string_view name) {
    return dynamic_cast<Model&>(instrument(name));
  }

  // Closes the listeners and every connection; joins the threads.
  void stop();

 private:
  struct Listener;
  struct Connection {
    int fd = -1;
    std::thread thread;
    std::atomic<bool> done{false};
  };
  void accept_loop(Listener& listener);
  void serve(Connection& connection, SimInstrument& model);
  // Waits `delay`, returning early (false) when the server stops.
  bool sleep_unless_stopped(std::chrono::milliseconds delay);
  void reap_finished_connections();

  SimConfig config_;
  std::vector<SimEndpoint> endpoints_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  std::mutex connections_mutex_;
  std::list<Connection> connections_;
  bool started_ = false;
  std::atomic<bool> stopping_{false};
};

}  // namespace litmus::sim
