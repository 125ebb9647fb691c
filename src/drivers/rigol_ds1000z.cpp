#include "drivers/rigol_ds1000z.hpp"

#include <algorithm>

#include "drivers/checked_write.hpp"
#include "drivers/scpi_text.hpp"
#include "drivers/waveform_preamble.hpp"

namespace litmus::drivers {

Waveform RigolDs1000z::read_waveform(std::string_view channel) {
  // MAXimum: the whole memory once stopped, the screen while running (RAW
  // refuses to read a running acquisition).
  write_checked(io_, ":WAV:SOUR " + scpi_channel(channel) + ";:WAV:MODE MAX;:WAV:FORM BYTE");
  const WaveformPreamble preamble = parse_preamble(io_.query(":WAV:PRE?"), io_.resource());
  const Scaling scaling = rigol_scaling(preamble);
  Waveform waveform;
  waveform.channel = std::string(channel);
  waveform.samples.reserve(preamble.points);
  const SampleEncoding encoding = preamble.format == 1 ? SampleEncoding::u16le : SampleEncoding::u8;
  waveform.codes = SampleCodes{encoding, scaling, {}};
  waveform.codes->bytes.reserve(preamble.points * sample_width(encoding));
  for (std::size_t start = 1; start <= preamble.points; start += max_points_per_read) {
    const std::size_t stop = std::min(start + max_points_per_read - 1, preamble.points);
    const std::string first = ":WAV:STAR " + std::to_string(start);
    const std::string last = ":WAV:STOP " + std::to_string(stop);
    io_.write(first);
    io_.write(last);
    const std::string block = io_.query_block(":WAV:DATA?");
    if (block.size() != stop - start + 1) {
      // A short block means the scope refused the range: its error says why.
      io_.check_errors(first + "; " + last + "; :WAV:DATA?");
      throw InstrumentError(io_.resource() + ": :WAV:DATA?: points " + std::to_string(start) + "-" +
                            std::to_string(stop) + ": got " + std::to_string(block.size()) + " bytes");
    }
    append_block(block, preamble.format, scaling, io_.resource(), waveform);
  }
  waveform.x_origin = preamble.first_x();
  waveform.x_increment = preamble.x_increment;
  return waveform;
}

}  // namespace litmus::drivers
