#pragma once
// The value a mock method returns, from its `mock_config` entry:
//
//   3.3                                   a constant
//   [3.30, 3.31, 3.29]                    a list, returned in turn (cycling)
//   {normal: {mean: 3.3, sd: 0.01}}       seeded generators; `seed:` makes
//   {uniform: {low: 3.2, high: 3.4}}        them reproducible
//   {sine: {freq: 1000, amplitude: 1, points: 1000, noise: 0.01}}
//                                         an array (waveform methods)
//   {ch1: <spec>, ch2: <spec>}            keyed by the call's first argument
//
// A raw query's entry is keyed by the command and its replies are text:
//   {"*IDN?": "Acme,DMM1,42,1.0", "MEAS:VOLT?": [1.2, 1.3], "READ?": {normal: …}}
//
// Parsing validates the whole spec up front, so a typo fails at connect()
// with the file and line, not in the middle of a test.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "instruments/instrument_types.hpp"

namespace litmus {

struct MockArray {
  std::vector<double> samples;
  double x_increment = 1.0;
};

class MockValue {
 public:
  // Throws std::invalid_argument with a message (no location: the caller
  // adds file and key). `kind` (the method's) selects what the spec must
  // produce; a setter has nothing to mock and is refused.
  static MockValue parse(const nlohmann::json& spec, MethodKind kind);

  MockValue(MockValue&&) noexcept;
  MockValue& operator=(MockValue&&) noexcept;
  ~MockValue();

  // `argument` selects the entry of a keyed spec. Throws
  // std::invalid_argument for an argument the spec has no entry for.
  double next_scalar(std::string_view argument = {});
  MockArray next_array(std::string_view argument = {});
  // A query's reply: the configured text, or a number drawn and written
  // out in full precision.
  std::string next_text(std::string_view argument);
  // Whether `argument` selects a value: always for a spec not keyed by
  // argument.
  bool has_entry(std::string_view argument) const;

  struct Source;  // defined in mock_value.cpp

 private:
  explicit MockValue(std::unique_ptr<Source> source);
  std::unique_ptr<Source> source_;
};

}  // namespace litmus
