#pragma once

#include <set>
#include <string>

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/switch_matrix.hpp"

namespace litmus {

// A switch that remembers which routes it closed: is_closed answers from
// them, unless mock_config has an is_closed entry (keyed by route: a relay
// welded shut reads 1 whatever it is told).
class MockSwitch : public SwitchDriver {
 public:
  explicit MockSwitch(MockMethods methods) : methods_(std::move(methods)) {}
  void close(std::string_view route) override { closed_.emplace(route); }
  void open(std::string_view route) override;
  void open_all() override { closed_.clear(); }
  bool is_closed(std::string_view route) override;

  const std::set<std::string, std::less<>>& closed() const { return closed_; }

 private:
  MockMethods methods_;
  std::set<std::string, std::less<>> closed_;
};

}  // namespace litmus
