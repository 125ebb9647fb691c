#pragma once
// One decoded journal record of kind "event": the event plus, for array
// reads, the samples that go to the ChannelStore instead of the event.

#include <optional>
#include <string>
#include <vector>

#include "litmus/event.hpp"
#include "litmus/sample_codes.hpp"

namespace litmus {

struct SampleBlock {
  std::string channel;  // "scope.ch1"
  std::vector<double> samples;  // float64 arrays; empty when `codes` holds the array
  std::optional<SampleCodes> codes;  // arrays kept as an instrument's codes

  std::size_t size() const { return codes ? codes->size() : samples.size(); }
  // The values, expanded from the codes when need be.
  std::vector<double> values() const {
    if (!codes) return samples;
    std::vector<double> out;
    decode_samples(codes->encoding, codes->bytes, codes->scaling, out);
    return out;
  }
};

struct JournalEntry {
  Event event;
  std::optional<SampleBlock> samples;
};

}  // namespace litmus
