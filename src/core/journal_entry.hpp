#pragma once
// One decoded journal record of kind "event": the event plus, for array
// reads, the samples that go to the ChannelStore instead of the event.

#include <optional>
#include <string>
#include <vector>

#include "litmus/event.hpp"

namespace litmus {

struct SampleBlock {
  std::string channel;  // "scope.ch1"
  std::vector<double> samples;
};

struct JournalEntry {
  Event event;
  std::optional<SampleBlock> samples;
};

}  // namespace litmus
