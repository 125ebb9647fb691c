#pragma once
// Rigol DS1000Z scopes ("rigol_ds1000z"). Reads what the scope holds
// (:WAV:MODE MAX: the whole memory once stopped, the screen's 1200 points
// while running) in BYTE format, in chunks of at most 250 000 points
// (:WAV:STAR / :WAV:STOP, then :WAV:DATA?) — the most the scope returns
// per read — and scales with Rigol's preamble: (raw - yorigin - yref) *
// yinc. The settings are the generic driver's, which the DS1000Z
// understands.

#include "drivers/scpi_scope.hpp"

namespace litmus::drivers {

class RigolDs1000z : public ScpiScope {
 public:
  static constexpr std::size_t max_points_per_read = 250'000;

  explicit RigolDs1000z(DriverContext& ctx) : ScpiScope(ctx) {}

  Waveform read_waveform(std::string_view channel) override;
};

}  // namespace litmus::drivers
