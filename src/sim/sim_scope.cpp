#include "sim/sim_scope.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "config/yaml_numbers.hpp"
#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

constexpr std::size_t kScreenPoints = 1200;
constexpr double kDivisions = 12.0;
constexpr std::size_t kMaxMemoryDepth = 24'000'000;

// "#9000001200" + bytes: an IEEE 488.2 definite-length block.
std::string block_header(std::size_t length) {
  const std::string digits = std::to_string(length);
  return "#" + std::to_string(digits.size()) + digits;
}

}  // namespace

SimScope::SimScope() : SimInstrument("scope", {"RIGOL TECHNOLOGIES", "DS1104Z", "DS1ZA000000001", "00.04.04.SP4"}) {
  for (std::size_t i = 0; i < channels_.size(); ++i) {
    // Distinct default signals, so reading the wrong channel shows.
    channels_[i].signal.frequency = 1000.0 * static_cast<double>(i + 1);
  }
  reset();
  add_commands();
}

void SimScope::reset() {
  for (auto& c : channels_) {
    c.display = false;
    c.scale = 1.0;
    c.offset = 0.0;
  }
  channels_[0].display = true;
  timebase_ = 1e-3;
  time_offset_ = 0.0;
  trigger_source_ = 1;
  trigger_level_ = 0.0;
  trigger_rising_ = true;
  running_ = true;
  source_ = 1;
  format_ = Format::byte;
  mode_ = Mode::normal;
  points_ = 0;
  start_ = 1;
  stop_ = 0;
  invalidate();
}

SimScope::Channel& SimScope::channel(int number) {
  return channels_[checked_index(number, channels_.size(), "channel")];
}

void SimScope::invalidate() {
  for (auto& c : channels_) {
    c.record.clear();
    c.codes.clear();
  }
}

std::size_t SimScope::record_points() const {
  const bool whole_memory = mode_ == Mode::raw || (mode_ == Mode::maximum && !running_);
  const std::size_t available = whole_memory ? memory_depth_ : kScreenPoints;
  return points_ > 0 ? std::min(points_, available) : available;
}

double SimScope::x_increment() const { return kDivisions * timebase_ / static_cast<double>(record_points()); }

double SimScope::x_origin() const { return time_offset_ - kDivisions / 2 * timebase_; }

bool SimScope::rigol_preamble() const { return current_identity().manufacturer.rfind("RIGOL", 0) == 0; }

SimScope::Scaling SimScope::scaling() const {
  const Channel& c = channels_[static_cast<std::size_t>(source_ - 1)];
  // 8 divisions span 200 counts of a byte (256 x more for a word).
  const double counts_per_division = format_ == Format::word ? 25.0 * 256 : 25.0;
  const double y_increment = c.scale / counts_per_division;
  const double y_reference = format_ == Format::word ? 32768.0 : 127.0;
  // RIGOL: offset in counts; Keysight: the screen centre in volts.
  const double y_origin = rigol_preamble() ? std::round(c.offset / y_increment) : -c.offset;
  return {y_increment, y_origin, y_reference};
}

const std::vector<double>& SimScope::record() {
  Channel& c = channels_[static_cast<std::size_t>(source_ - 1)];
  const std::size_t points = record_points();
  if (c.record.size() != points) {
    std::optional<TriggerCrossing> trigger;
    if (trigger_source_ == source_) trigger = TriggerCrossing{trigger_level_, trigger_rising_};
    c.record = sample_signal(c.signal, points, x_origin(), x_increment(), trigger, rng());
    for (double& sample : c.record) sample = noisy(sample);
    c.codes.clear();
  }
  return c.record;
}

std::string SimScope::preamble() {
  if (running_) invalidate();
  const std::size_t points = record().size();
  const Scaling s = scaling();
  const int format = static_cast<int>(format_);
  const int type = static_cast<int>(mode_);
  return std::to_string(format) + "," + std::to_string(type) + "," + std::to_string(points) + ",1," +
         format_number(x_increment()) + "," + format_number(x_origin()) + ",0," + format_number(s.y_increment) +
         "," + format_number(s.y_origin) + "," + format_number(s.y_reference);
}

std::string SimScope::data() {
  const std::vector<double>& samples = record();
  const std::size_t last = std::min(stop_ == 0 ? samples.size() : stop_, samples.size());
  if (start_ > last) throw ScpiFault(scpi_errors::data_out_of_range, "Data out of range; start past the record");
  const std::size_t first = start_ - 1;
  const std::size_t count = last - first;
  if (max_points_per_read_ > 0 && count > max_points_per_read_) {
    queue_error(scpi_errors::data_out_of_range,
                "Data out of range; at most " + std::to_string(max_points_per_read_) + " points per read");
    return block_header(0);
  }
  const Scaling s = scaling();
  const bool rigol = rigol_preamble();
  if (format_ == Format::ascii) {
    std::string body;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) body += ',';
      body += format_number(samples[first + i]);
    }
    return block_header(body.size()) + body;
  }
  // The whole record as codes, once per record, scaling and format; each
  // read (a driver reads 1 M points as four 250 000-point chunks) is a slice.
  Channel& c = channels_[static_cast<std::size_t>(source_ - 1)];
  const auto key = std::make_tuple(format_, s.y_increment, s.y_origin, s.y_reference, rigol);
  if (c.codes.empty() || c.codes_key != key) {
    // volts -> counts, inverting the preamble's formula.
    auto counts = [&](double volts) {
      const double raw = rigol ? volts / s.y_increment + s.y_origin + s.y_reference
                               : (volts - s.y_origin) / s.y_increment + s.y_reference;
      return std::round(raw);
    };
    c.codes.resize(format_ == Format::word ? 2 * samples.size() : samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
      if (format_ == Format::byte) {
        c.codes[i] = static_cast<char>(static_cast<unsigned char>(std::clamp(counts(samples[i]), 0.0, 255.0)));
      } else {
        const auto raw = static_cast<unsigned>(std::clamp(counts(samples[i]), 0.0, 65535.0));
        c.codes[2 * i] = static_cast<char>(raw & 0xff);  // least significant byte first
        c.codes[2 * i + 1] = static_cast<char>(raw >> 8);
      }
    }
    c.codes_key = key;
  }
  const std::size_t width = format_ == Format::word ? 2 : 1;
  std::string block = block_header(width * count);
  block.append(c.codes, width * first, width * count);
  return block;
}

void SimScope::add_commands() {
  auto& table = commands();
  auto changed = [this] { invalidate(); };
  table.add(":RUN", 0, [this](Call&) {
    running_ = true;
    invalidate();
  });
  table.add(":STOP", 0, [this](Call&) { running_ = false; });
  // One acquisition, then stopped (DIGitize is Keysight's name for it).
  auto single = [this](Call&) {
    running_ = false;
    invalidate();
  };
  table.add(":SINGle", 0, single);
  table.add(":DIGitize", 1, single);
  table.add(":TRIGger:STATus?", 0, [this](Call& call) { call.reply = running_ ? "TD" : "STOP"; });

  table.add_number(":TIMebase[:MAIN]:SCALe", {5e-9, 50.0, 1e-3}, [this](const Call&) -> double& { return timebase_; },
                   changed);
  table.add_number(":TIMebase[:MAIN]:OFFSet", {-1e3, 1e3, 0.0},
                   [this](const Call&) -> double& { return time_offset_; }, changed);
  table.add_number(":TIMebase:POSition", {-1e3, 1e3, 0.0}, [this](const Call&) -> double& { return time_offset_; },
                   changed);
  table.add_number(":CHANnel#:SCALe", {1e-3, 100.0, 1.0},
                   [this](const Call& call) -> double& { return channel(call.suffix()).scale; }, changed);
  table.add_number(":CHANnel#:OFFSet", {-1000.0, 1000.0, 0.0},
                   [this](const Call& call) -> double& { return channel(call.suffix()).offset; }, changed);
  table.add_bool(":CHANnel#:DISPlay", [this](const Call& call) -> bool& { return channel(call.suffix()).display; });

  table.add(":TRIGger[:EDGe]:SOURce", 1, [this](Call& call) {
    const int number = call.numbered(0, {"CHANnel"});
    channel(number);
    trigger_source_ = number;
    invalidate();
  });
  table.add(":TRIGger[:EDGe]:SOURce?", 0, [this](Call& call) { call.reply = "CHAN" + std::to_string(trigger_source_); });
  table.add_number(":TRIGger[:EDGe]:LEVel", {-1000.0, 1000.0, 0.0},
                   [this](const Call&) -> double& { return trigger_level_; }, changed);
  table.add(":TRIGger[:EDGe]:SLOPe", 1, [this](Call& call) {
    const std::size_t slope = call.choice(0, {"POSitive", "NEGative"});
    trigger_rising_ = slope == 0;
    invalidate();
  });
  table.add(":TRIGger[:EDGe]:SLOPe?", 0, [this](Call& call) { call.reply = trigger_rising_ ? "POS" : "NEG"; });

  table.add(":ACQuire:MDEPth", 1, [this](Call& call) {
    memory_depth_ = matches_keyword("AUTO", call.text(0))
                        ? 12000
                        : static_cast<std::size_t>(call.integer(0, 1000, static_cast<long long>(kMaxMemoryDepth)));
    invalidate();
  });
  table.add(":ACQuire:MDEPth?", 0, [this](Call& call) { call.reply = std::to_string(memory_depth_); });

  table.add(":WAVeform:SOURce", 1, [this](Call& call) {
    const int number = call.numbered(0, {"CHANnel"});
    channel(number);
    source_ = number;
  });
  table.add(":WAVeform:SOURce?", 0, [this](Call& call) { call.reply = "CHAN" + std::to_string(source_); });
  // Readout settings (mode, points) choose what part of the acquisition is
  // read, not a new one: a stopped scope keeps its record, and record()
  // acquires again only when the number of points differs.
  auto set_mode = [this](Call& call) { mode_ = static_cast<Mode>(call.choice(0, {"NORMal", "MAXimum", "RAW"})); };
  table.add(":WAVeform:MODE", 1, set_mode);
  table.add(":WAVeform:POINts:MODE", 1, set_mode);
  table.add(":WAVeform:MODE?", 0, [this](Call& call) {
    static const char* names[] = {"NORM", "MAX", "RAW"};
    call.reply = names[static_cast<int>(mode_)];
  });
  table.add(":WAVeform:FORMat", 1,
            [this](Call& call) { format_ = static_cast<Format>(call.choice(0, {"BYTE", "WORD", "ASCii"})); });
  table.add(":WAVeform:FORMat?", 0, [this](Call& call) {
    static const char* names[] = {"BYTE", "WORD", "ASC"};
    call.reply = names[static_cast<int>(format_)];
  });
  table.add(":WAVeform:POINts", 1, [this](Call& call) {
    points_ = static_cast<std::size_t>(call.integer(0, 1, static_cast<long long>(kMaxMemoryDepth)));
  });
  table.add(":WAVeform:POINts?", 0, [this](Call& call) { call.reply = std::to_string(record_points()); });
  table.add(":WAVeform:STARt", 1, [this](Call& call) {
    start_ = static_cast<std::size_t>(call.integer(0, 1, static_cast<long long>(kMaxMemoryDepth)));
  });
  table.add(":WAVeform:STARt?", 0, [this](Call& call) { call.reply = std::to_string(start_); });
  table.add(":WAVeform:STOP", 1, [this](Call& call) {
    stop_ = static_cast<std::size_t>(call.integer(0, 1, static_cast<long long>(kMaxMemoryDepth)));
  });
  table.add(":WAVeform:STOP?", 0,
            [this](Call& call) { call.reply = std::to_string(stop_ == 0 ? record_points() : stop_); });
  table.add(":WAVeform:PREamble?", 0, [this](Call& call) { call.reply = preamble(); });
  table.add(":WAVeform:DATA?", 0, [this](Call& call) { call.reply = data(); });
  table.add(":WAVeform:XINCrement?", 0, [this](Call& call) { call.reply = format_number(x_increment()); });
  table.add(":WAVeform:XORigin?", 0, [this](Call& call) { call.reply = format_number(x_origin()); });
  table.add(":WAVeform:XREFerence?", 0, [](Call& call) { call.reply = "0"; });
  table.add(":WAVeform:YINCrement?", 0, [this](Call& call) { call.reply = format_number(scaling().y_increment); });
  table.add(":WAVeform:YORigin?", 0, [this](Call& call) { call.reply = format_number(scaling().y_origin); });
  table.add(":WAVeform:YREFerence?", 0, [this](Call& call) { call.reply = format_number(scaling().y_reference); });
}

void SimScope::set_signal(int number, const WaveSignal& signal) {
  std::lock_guard lock(mutex());
  channel(number).signal = signal;
  invalidate();
}

void SimScope::set_memory_depth(std::size_t points) {
  std::lock_guard lock(mutex());
  memory_depth_ = points;
  invalidate();
}

void SimScope::set_max_points_per_read(std::size_t points) {
  std::lock_guard lock(mutex());
  max_points_per_read_ = points;
}

void SimScope::configure(const config::YamlAt& settings) {
  config::check_keys(settings, {"channels", "memory_depth", "max_points_per_read"});
  if (settings.node["channels"]) {
    const config::YamlAt list = settings.child("channels");
    config::check_keys(list, {"ch1", "ch2", "ch3", "ch4"});
    for (std::size_t i = 0; i < channels_.size(); ++i) {
      const std::string key = "ch" + std::to_string(i + 1);
      if (list.node[key]) channels_[i].signal = WaveSignal::read(list.child(key));
    }
  }
  auto count = [&](const char* key, std::int64_t min, std::size_t& out) {
    if (!settings.node[key]) return;
    const std::int64_t value = config::read_integer(settings.child(key));
    if (value < min || value > static_cast<std::int64_t>(kMaxMemoryDepth)) {
      settings.child(key).fail("expected " + std::to_string(min) + " to " + std::to_string(kMaxMemoryDepth));
    }
    out = static_cast<std::size_t>(value);
  };
  count("memory_depth", 1000, memory_depth_);
  count("max_points_per_read", 0, max_points_per_read_);
  invalidate();
}

}  // namespace litmus::sim
