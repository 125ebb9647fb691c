#pragma once

#include "instruments/mock/mock_methods.hpp"
#include "litmus/instruments/scope.hpp"

namespace litmus {

// A scope whose read_waveform comes from mock_config (a generator, or one
// per channel keyed by channel name).
class MockScope : public ScopeDriver {
 public:
  explicit MockScope(MockMethods methods) : methods_(std::move(methods)) {}
  Waveform read_waveform(std::string_view channel) override;

 private:
  MockMethods methods_;
};

}  // namespace litmus
