#pragma once
// The generic SCPI switch driver ("scpi"), Keysight 34980A style: a route
// "101" is the channel list (@101); ROUT:CLOS, ROUT:OPEN, ROUT:OPEN:ALL
// (each followed by an error-queue check) and ROUT:CLOS? answering 1 or 0.

#include "litmus/driver_registry.hpp"

namespace litmus::drivers {

class ScpiSwitch : public SwitchDriver {
 public:
  explicit ScpiSwitch(DriverContext& ctx) : io_(ctx.io) {}

  void close(std::string_view route) override;
  void open(std::string_view route) override;
  void open_all() override;
  bool is_closed(std::string_view route) override;

 private:
  ScpiConnection& io_;
};

}  // namespace litmus::drivers
