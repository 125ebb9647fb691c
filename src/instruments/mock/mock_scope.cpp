#include "instruments/mock/mock_scope.hpp"

namespace litmus {

Waveform MockScope::read_waveform(std::string_view channel) {
  MockArray array = methods_.value({"read_waveform"}).next_array(channel);
  Waveform waveform;
  waveform.samples = std::move(array.samples);
  waveform.x_increment = array.x_increment;
  return waveform;
}

}  // namespace litmus
