#pragma once
// A simulated 4-channel oscilloscope: the Rigol DS1000Z dialect, which is
// close enough to Keysight InfiniiVision's that generic drivers work too
// (:WAV:SOUR CHAN<n>, :WAV:MODE NORM|MAX|RAW, :WAV:FORM BYTE|WORD|ASC,
// :WAV:POIN, :WAV:STAR/:WAV:STOP, :WAV:PRE?, :WAV:DATA? as an IEEE 488.2
// definite block, :TIM:SCAL, :CHAN<n>:SCAL/:OFFS/:DISP, :TRIG:EDGE:*,
// :ACQ:MDEP, :RUN, :STOP, :SING).
//
// The record spans the 12 divisions of the screen with the trigger at its
// centre: NORM reads 1200 points, RAW the memory depth. A record is
// acquired when first read after a change; while running, each :WAV:PRE?
// starts a new acquisition (drivers read the preamble, then the data of
// that same acquisition). The preamble follows the manufacturer of the
// identity: RIGOL's y-origin is in counts, (raw - yorigin - yref) * yinc;
// others' in volts, (raw - yref) * yinc + yorigin.

#include <array>
#include <string>
#include <tuple>
#include <vector>

#include "sim/sim_instrument.hpp"
#include "sim/waveform_signal.hpp"

namespace litmus::sim {

class SimScope : public SimInstrument {
 public:
  SimScope();

  // `channel` from 1 to 4.
  void set_signal(int channel, const WaveSignal& signal);
  void set_memory_depth(std::size_t points);
  // Reads of more points per :WAV:DATA? fail with -222 (0: no limit); the
  // DS1000Z allows 250 000 in BYTE format.
  void set_max_points_per_read(std::size_t points);

  // Config keys: channels: {ch1: signal ...}, memory_depth,
  // max_points_per_read.
  void configure(const config::YamlAt& settings) override;

 protected:
  void reset() override;

 private:
  enum class Format { byte, word, ascii };
  enum class Mode { normal, maximum, raw };
  struct Channel {
    WaveSignal signal;
    bool display = false;
    double scale = 1.0;   // V/div
    double offset = 0.0;  // V
    std::vector<double> record;  // the current acquisition, volts
    // `record` as BYTE or WORD codes, as a stopped scope keeps its record in
    // memory rather than converting it again for every read: 1 M points
    // took milliseconds to round into counts (bench/BENCHMARKS.md §7).
    // Empty once the record changes; codes_key says for which format and
    // scaling (y increment, origin, reference, Rigol's formula) they are.
    std::string codes;
    std::tuple<Format, double, double, double, bool> codes_key;
  };
  struct Scaling {
    double y_increment, y_origin, y_reference;
  };

  void add_commands();
  Channel& channel(int number);
  std::size_t record_points() const;
  double x_increment() const;
  double x_origin() const;
  bool rigol_preamble() const;
  Scaling scaling() const;
  // The source channel's record, acquired if it has none.
  const std::vector<double>& record();
  void invalidate();
  std::string preamble();
  std::string data();

  std::array<Channel, 4> channels_;
  double timebase_ = 1e-3;  // s/div
  double time_offset_ = 0.0;
  int trigger_source_ = 1;
  double trigger_level_ = 0.0;
  bool trigger_rising_ = true;
  bool running_ = true;
  std::size_t memory_depth_ = 12000;
  std::size_t max_points_per_read_ = 0;
  int source_ = 1;
  Format format_ = Format::byte;
  Mode mode_ = Mode::normal;
  std::size_t points_ = 0;  // :WAV:POIN; 0: the whole record
  std::size_t start_ = 1;
  std::size_t stop_ = 0;  // 0: the record's end
};

}  // namespace litmus::sim
