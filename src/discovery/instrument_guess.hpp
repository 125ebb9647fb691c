#pragma once
// What kind of instrument an *IDN? reply describes, so `litmus station
// init` can propose a type and a model driver.

#include <optional>
#include <string>

#include "litmus/instrument_identity.hpp"

namespace litmus {

struct InstrumentGuess {
  std::string type;    // "dmm", "psu", ...
  std::string driver;  // a model driver ("rigol_dp800"), empty for the generic SCPI one
};

// Known model families first (Keysight 344xx, Rigol DP800, Rigol
// DS1000Z ...), then the model name's common words; nullopt when nothing
// fits.
std::optional<InstrumentGuess> guess_instrument(const InstrumentIdentity& identity);

}  // namespace litmus
