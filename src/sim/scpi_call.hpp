#pragma once
// One matched command as its handler sees it: the numeric suffixes of the
// header (SOUR2 -> 2) and the parameters, with the conversions SCPI
// defines (MIN/MAX/DEF, ON/OFF, short/long keywords, channel lists). Every
// conversion throws the ScpiFault a real instrument would queue.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::sim {

// The values MIN, MAX and DEF stand for; numbers outside [min, max] are
// -222 "Data out of range".
struct NumericRange {
  double min;
  double max;
  double def;
};

class Call {
 public:
  Call(std::vector<int> suffixes, std::vector<std::string> args)
      : suffixes_(std::move(suffixes)), args_(std::move(args)) {}

  // The i-th '#' of the pattern; `fallback` when the header left it out
  // (SOUR:VOLT on a supply means the selected output, not output 1) or
  // the pattern has none (MEAS:VOLT? addresses the selected output too).
  int suffix(std::size_t i = 0, int fallback = 1) const {
    return i < suffixes_.size() && suffixes_[i] > 0 ? suffixes_[i] : fallback;
  }

  std::size_t arg_count() const { return args_.size(); }
  bool has(std::size_t i) const { return i < args_.size(); }
  // -109 "Missing parameter" when absent.
  const std::string& text(std::size_t i) const;
  double number(std::size_t i, const NumericRange& range) const;
  // An integer, e.g. a point count (1.5 is -224).
  long long integer(std::size_t i, long long min, long long max) const;
  bool boolean(std::size_t i) const;  // ON, OFF, 1, 0
  // The index of the keyword (short or long form, "SINusoid") the
  // parameter names; -224 "Illegal parameter value" when none.
  std::size_t choice(std::size_t i, std::initializer_list<std::string_view> keywords) const;
  // A numbered name: with keywords {"CHANnel"}, "CHAN2" and "channel2"
  // are 2. -224 when the parameter is no such name.
  int numbered(std::size_t i, std::initializer_list<std::string_view> keywords) const;
  // "(@101,102,201:203)" -> 101, 102, 201, 202, 203.
  std::vector<int> channel_list(std::size_t i) const;

  // A query's answer (queries that set none answer nothing).
  std::string reply;

 private:
  std::vector<int> suffixes_;
  std::vector<std::string> args_;
};

// "+3.30000000E+00": how the simulator prints every number.
std::string format_number(double value);

// Does `text` (any case) name the keyword "VOLTage" in its short (VOLT)
// or long (VOLTAGE) form?
bool matches_keyword(std::string_view keyword, std::string_view text);

}  // namespace litmus::sim
