#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/instrument.hpp"

namespace litmus {

// What a switch / relay matrix driver implements. A route is the
// instrument's channel name for one relay or crosspoint ("101", "1!2",
// "r3c4"); the driver maps it to its own syntax (SCPI "(@101)").
class SwitchDriver {
 public:
  virtual ~SwitchDriver() = default;
  virtual void close(std::string_view route) = 0;
  virtual void open(std::string_view route) = 0;
  virtual void open_all() = 0;
  virtual bool is_closed(std::string_view route) = 0;
};

// Switch or relay matrix. close/open/open_all are instrument.set events
// (setting "route" = the route, value true for closed, false for open);
// is_closed is an instrument.read event on "<role>.<route>" (1 closed, 0
// open). make_safe() opens every relay.
class SwitchMatrix : public Instrument {
 public:
  SwitchMatrix(InstrumentBinding binding, std::unique_ptr<SwitchDriver> driver);
  ~SwitchMatrix() override;

  // Throw litmus::Error for an empty route.
  void close(std::string_view route);
  void open(std::string_view route);
  void open_all();
  bool is_closed(std::string_view route);

  // Routes closed through this object and not opened since (what
  // make_safe() and the fixture's routing rely on).
  const std::vector<std::string>& closed_routes() const { return closed_; }

  void make_safe() override;  // open_all()

  SwitchDriver& driver() { return *driver_; }

 private:
  std::unique_ptr<SwitchDriver> driver_;
  std::vector<std::string> closed_;
};

}  // namespace litmus
