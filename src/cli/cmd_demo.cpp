// `litmus demo`: fills an empty data dir with a production line worth
// looking at — stations, products, lots and operators, a mean that drifts,
// a flaky fixture, retests, an instrument whose calibration lapses — so
// every screen shows something meaningful on a fresh install (`make run`
// seeds its data dir with it), and at 100 000 runs the store of the
// benchmarks (bench/BENCHMARKS.md §9, §10). docs/cli.md says what the line
// holds and what each lens should find in it.
//
// Every run is the events a test program would emit (session.started …
// session.ended, docs/event-types.md), fed to EventStore::ingest one
// session per call: the projections (runs, steps, measurements) are the
// real ones, never written by hand. The same seed gives the same store.

#include <CLI/CLI.hpp>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/data_dir.hpp"
#include "core/journal_entry.hpp"
#include "litmus/version.hpp"
#include "store/event_store.hpp"

namespace litmus::cli {
namespace {

using nlohmann::json;

struct DemoOptions {
  std::filesystem::path data_dir;
  std::int64_t runs = 2'000;
  // Measurements in all, spread evenly over the runs; unset, each run takes
  // what its product's test plan measures (~50).
  std::optional<std::int64_t> measurements;
  std::uint64_t seed = 1;
};

// ---- The line ------------------------------------------------------------

struct Station {
  const char* id;
  const char* hostname;
  const char* phase;  // what the station is used for
};
constexpr std::size_t kLineA = 0, kLineB = 1, kLineC = 2, kRfLab = 3, kValidationBench = 4, kDevBench = 5;
constexpr std::array<Station, 7> kStations{{{"eol_1", "line-a-eol", "production"},
                                            {"eol_2", "line-b-eol", "production"},
                                            {"eol_3", "line-c-eol", "production"},
                                            {"rf_1", "rf-lab-1", "production"},
                                            {"bench_3", "lab-pc-3", "validation"},
                                            {"bench_1", "lab-pc-1", "development"},
                                            {"bench_2", "lab-pc-2", "development"}}};

// An instrument of a station, as its asset file describes it.
struct Asset {
  std::size_t station;
  const char* role;
  const char* resource;
  const char* manufacturer;
  const char* model;
  const char* serial;
  const char* firmware;
  const char* calibrated;  // last calibration, YYYY-MM-DD
  const char* due;         // next one due
};
// bench_3's DMM lapses on 2026-02-16, in the middle of the window, and is
// used overdue from then on (validation runs are not refused, SPEC A5);
// line B's scope turns due-soon near the end.
constexpr std::array<Asset, 23> kAssets{{
    {kLineA, "dmm", "TCPIP::10.1.1.10::5025::SOCKET", "Keysight", "34465A", "MY59001101", "A.03.01", "2025-09-14", "2026-09-14"},
    {kLineA, "psu", "TCPIP::10.1.1.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100110", "00.01.16", "2025-11-02", "2026-11-02"},
    {kLineA, "scope", "TCPIP::10.1.1.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200120", "00.04.05", "2025-08-20", "2026-08-20"},
    {kLineA, "eload", "TCPIP::10.1.1.13::5025::SOCKET", "Rigol", "DL3021", "DL3A231300130", "00.01.02", "2025-10-05", "2026-10-05"},
    {kLineB, "dmm", "TCPIP::10.1.2.10::5025::SOCKET", "Keysight", "34465A", "MY59001201", "A.03.01", "2025-07-01", "2026-07-01"},
    {kLineB, "psu", "TCPIP::10.1.2.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100210", "00.01.16", "2025-12-01", "2026-12-01"},
    {kLineB, "scope", "TCPIP::10.1.2.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200220", "00.04.05", "2025-04-20", "2026-04-20"},
    {kLineB, "eload", "TCPIP::10.1.2.13::5025::SOCKET", "Rigol", "DL3021", "DL3A231300230", "00.01.02", "2025-10-12", "2026-10-12"},
    {kLineC, "dmm", "TCPIP::10.1.3.10::5025::SOCKET", "Keysight", "34465A", "MY59001301", "A.03.01", "2025-08-03", "2026-08-03"},
    {kLineC, "psu", "TCPIP::10.1.3.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100310", "00.01.16", "2025-09-28", "2026-09-28"},
    {kLineC, "scope", "TCPIP::10.1.3.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200320", "00.04.05", "2025-06-15", "2026-06-15"},
    {kLineC, "eload", "TCPIP::10.1.3.13::5025::SOCKET", "Rigol", "DL3021", "DL3A231300330", "00.01.02", "2025-11-30", "2026-11-30"},
    {kRfLab, "dmm", "TCPIP::10.1.4.10::5025::SOCKET", "Keysight", "34461A", "MY53004401", "A.02.17", "2025-10-19", "2026-10-19"},
    {kRfLab, "psu", "TCPIP::10.1.4.11::5025::SOCKET", "Keysight", "E36312A", "MY57001411", "1.0.4", "2025-12-07", "2026-12-07"},
    {kValidationBench, "dmm", "TCPIP::10.2.3.10::5025::SOCKET", "Keysight", "34461A", "MY53004410", "A.02.17", "2025-02-16", "2026-02-16"},
    {kValidationBench, "psu", "TCPIP::10.2.3.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100410", "00.01.16", "2025-09-09", "2026-09-09"},
    {kValidationBench, "scope", "TCPIP::10.2.3.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200420", "00.04.05", "2025-07-22", "2026-07-22"},
    {kDevBench, "dmm", "TCPIP::10.2.1.10::5025::SOCKET", "Keysight", "34461A", "MY53004501", "A.02.17", "2025-05-30", "2026-05-30"},
    {kDevBench, "psu", "TCPIP::10.2.1.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100510", "00.01.16", "2025-06-30", "2026-06-30"},
    {kDevBench, "scope", "TCPIP::10.2.1.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200520", "00.04.05", "2025-06-30", "2026-06-30"},
    {kDevBench + 1, "dmm", "TCPIP::10.2.2.10::5025::SOCKET", "Keysight", "34461A", "MY53004601", "A.02.17", "2025-05-30", "2026-05-30"},
    {kDevBench + 1, "psu", "TCPIP::10.2.2.11::5025::SOCKET", "Rigol", "DP832", "DP8C231100610", "00.01.16", "2025-06-30", "2026-06-30"},
    {kDevBench + 1, "scope", "TCPIP::10.2.2.12::INSTR", "Rigol", "DS1104Z", "DS1ZA231200620", "00.04.05", "2025-06-30", "2026-06-30"},
}};

// A measurement a step takes once per vector. Values are drawn around the
// nominal with σ = (room to the nearer limit) / (3 · cpk), so where nothing
// drifts the Cpk lens finds about `cpk`.
struct Spec {
  const char* name;
  const char* units;
  double nominal;
  std::optional<double> low;
  std::optional<double> high;
  double cpk;
  const char* role;     // the instrument read for it; "" when the DUT reports it
  const char* channel;  // that read's channel id
};
constexpr Spec kRailSpecs[] = {{"v_5v0", "V", 5.0, 4.9, 5.1, 2.2, "dmm", "dmm.voltage"},
                               {"v_3v3", "V", 3.3, 3.234, 3.366, 2.1, "dmm", "dmm.voltage"},
                               {"v_1v8", "V", 1.8, 1.764, 1.836, 1.9, "dmm", "dmm.voltage"},
                               {"i_quiescent_ma", "mA", 42, std::nullopt, 60, 2.3, "dmm", "dmm.current"}};
constexpr Spec kRippleSpecs[] = {{"ripple_mv", "mV", 12, std::nullopt, 30, 2.4, "scope", "scope.ch1"},
                                 {"noise_mv_rms", "mV", 2.0, std::nullopt, 5.0, 2.0, "scope", "scope.ch1"}};
constexpr Spec kEfficiencySpecs[] = {{"efficiency_pct", "%", 91.5, 87.0, std::nullopt, 1.8, "eload", "eload.power"}};
constexpr Spec kStartupSpecs[] = {{"startup_ms", "ms", 4.0, 2.0, 8.0, 2.2, "scope", "scope.ch2"},
                                  {"inrush_a", "A", 1.2, std::nullopt, 2.0, 1.9, "psu", "psu.current"}};
constexpr Spec kFrequencySpecs[] = {{"freq_mhz", "MHz", 25.0, 24.9975, 25.0025, 2.5, "scope", "scope.ch3"},
                                    {"duty_pct", "%", 50.0, 45.0, 55.0, 2.0, "scope", "scope.ch3"}};
// Marginal by design (amber on the Cpk tab).
constexpr Spec kJitterSpecs[] = {{"jitter_ps", "ps", 38, std::nullopt, 60, 1.15, "scope", "scope.ch3"}};
constexpr Spec kUartSpecs[] = {{"baud_error_pct", "%", 0.0, -2.0, 2.0, 2.4, "", ""}};
constexpr Spec kI2cSpecs[] = {{"rise_ns", "ns", 120, std::nullopt, 300, 2.0, "scope", "scope.ch4"}};
constexpr Spec kGpioSpecs[] = {{"v_oh", "V", 3.25, 2.9, std::nullopt, 2.0, "dmm", "dmm.voltage"},
                               {"v_ol", "V", 0.08, std::nullopt, 0.4, 2.1, "dmm", "dmm.voltage"}};
constexpr Spec kReferenceSpecs[] = {{"v_ref", "V", 2.5, 2.4975, 2.5025, 2.0, "dmm", "dmm.voltage"},
                                    {"v_ref_noise_uv", "µV", 8, std::nullopt, 20, 2.2, "dmm", "dmm.ac_voltage"}};
constexpr Spec kGainSpecs[] = {{"gain_error_pct", "%", 0.0, -1.0, 1.0, 1.8, "dmm", "dmm.voltage"}};
constexpr Spec kIdleSpecs[] = {{"temp_idle_c", "°C", 38, std::nullopt, 55, 2.0, "dmm", "dmm.resistance"}};
constexpr Spec kLoadSpecs[] = {{"temp_load_c", "°C", 61, std::nullopt, 85, 2.1, "dmm", "dmm.resistance"},
                               {"temp_hotspot_c", "°C", 72, std::nullopt, 100, 1.9, "dmm", "dmm.resistance"}};
constexpr Spec kTxPowerSpecs[] = {{"tx_power_dbm", "dBm", 10.0, 8.5, 11.5, 1.7, "", ""}};
constexpr Spec kEvmSpecs[] = {{"evm_db", "dB", -32, std::nullopt, -25, 1.9, "", ""}};
constexpr Spec kSensitivitySpecs[] = {{"sensitivity_dbm", "dBm", -97, std::nullopt, -92, 1.6, "", ""}};

// A test: its measurements, its sweep (`vectors` values of `input` from
// `first` by `increment`), a typical attempt's duration and the retries
// its YAML allows.
struct StepPlan {
  const char* path;
  std::span<const Spec> specs;
  int vectors;
  const char* input;
  double first;
  double increment;
  double seconds;
  int retries;
};
enum StepId : std::size_t {
  kRail, kRipple, kEfficiency, kStartup, kFrequency, kJitter, kUart, kI2c, kGpio, kReference, kGain, kIdle, kLoad,
  kTxPower, kEvm, kSensitivity
};
constexpr std::array<StepPlan, 16> kSteps{{
    {"Power/RailVoltage", kRailSpecs, 6, "v_in", 4.5, 0.25, 0.6, 0},
    {"Power/Ripple", kRippleSpecs, 4, "i_load", 0.5, 0.5, 1.5, 0},
    {"Power/Efficiency", kEfficiencySpecs, 5, "i_load", 0.4, 0.4, 2.5, 0},
    {"Power/Startup", kStartupSpecs, 1, "v_in", 5.0, 0, 1.2, 0},
    {"Clock/Frequency", kFrequencySpecs, 1, "source", 0, 0, 0.6, 0},
    {"Clock/Jitter", kJitterSpecs, 1, "source", 0, 0, 3.0, 0},
    {"Comms/Uart", kUartSpecs, 3, "baud", 9600, 105600, 0.4, 1},  // an occasional framing error, retried
    {"Comms/I2c", kI2cSpecs, 2, "bus_khz", 100, 300, 0.3, 0},
    {"Comms/Gpio", kGpioSpecs, 8, "pin", 0, 1, 0.2, 0},
    {"Analog/Reference", kReferenceSpecs, 1, "v_in", 5.0, 0, 1.0, 0},
    {"Analog/Gain", kGainSpecs, 4, "gain_db", 0, 20, 0.8, 0},
    {"Thermal/Idle", kIdleSpecs, 1, "minutes", 2, 0, 8.0, 0},
    {"Thermal/Load", kLoadSpecs, 1, "minutes", 5, 0, 20.0, 0},
    {"RF/TxPower", kTxPowerSpecs, 11, "channel_mhz", 2412, 5, 1.5, 0},
    {"RF/Evm", kEvmSpecs, 11, "channel_mhz", 2412, 5, 2.0, 0},
    {"RF/Sensitivity", kSensitivitySpecs, 11, "channel_mhz", 2412, 5, 2.5, 0},
}};

struct Part {
  const char* part_number;
  const char* product;
  const char* project;
  const char* serial_prefix;
  double share;  // of the new boards
  std::span<const std::size_t> steps;
};
constexpr std::size_t kPsuSteps[] = {kRail, kRipple, kEfficiency, kStartup, kI2c, kIdle, kLoad};
constexpr std::size_t kPsuHvSteps[] = {kRail, kRipple, kEfficiency, kStartup, kUart, kI2c, kReference, kIdle, kLoad};
constexpr std::size_t kControllerSteps[] = {kRail, kFrequency, kJitter, kUart, kI2c, kGpio, kReference, kGain, kIdle};
constexpr std::size_t kRfSteps[] = {kRail, kFrequency, kTxPower, kEvm, kSensitivity, kIdle};
constexpr std::size_t kIoSteps[] = {kRail, kUart, kI2c, kGpio, kIdle};
constexpr std::size_t kController = 2, kRf = 3;
constexpr std::array<Part, 5> kParts{{{"PSU-100", "psu_board", "power", "PSU", 0.30, kPsuSteps},
                                      {"PSU-200", "psu_board_hv", "power", "PHV", 0.20, kPsuHvSteps},
                                      {"CTRL-300", "controller", "control", "CTL", 0.20, kControllerSteps},
                                      {"RF-400", "rf_frontend", "rf", "RFF", 0.10, kRfSteps},
                                      {"IO-500", "io_expander", "control", "IOX", 0.20, kIoSteps}}};

constexpr std::array<const char*, 10> kOperators{"ana",  "ben",   "chen", "dara", "eli",
                                                 "fatima", "goran", "hana", "ivo",  "jun"};

// Where the line is not in control: a mean that walks away from its
// nominal — over the whole window on one station, or in one lot.
struct Drift {
  const char* spec;
  std::optional<std::size_t> station;
  const char* lot;          // nullptr: every lot
  const char* part_number;  // nullptr: every part
  double shift;             // added to the mean (at the end of the window when `ramps`)
  bool ramps;
};
constexpr Drift kDrifts[] = {
    // Line B's load cable degrading: ripple climbs toward its 30 mV limit
    // (Cpk < 1 over the window; failures near the end).
    {"ripple_mv", kLineB, nullptr, nullptr, 14.0, true},
    // A second-source reference chip in one lot of controllers.
    {"v_ref", std::nullopt, "L2606", "CTRL-300", 0.0012, false},
};

constexpr std::int64_t kMillisecond = 1'000'000;
constexpr std::int64_t kSecond = 1'000 * kMillisecond;
constexpr std::int64_t kDay = 24 * 3600 * kSecond;
constexpr std::int64_t kStartTs = 1'767'571'200 * kSecond;  // 2026-01-05T00:00:00Z
constexpr std::int64_t kSpan = 90 * kDay;                   // the runs spread over 90 days
constexpr std::int64_t kLotDays = 10;                       // a new lot every 10 days
constexpr std::int64_t kBigRunMeasurements = 10'000;
constexpr std::int64_t kPlanMeasurementsPerRun = 50;  // about what the plans take, for sizing the largest run
constexpr std::int64_t kBatchEvents = 200'000;        // events per commit

// Probabilities, per run unless said otherwise.
constexpr double kDevelopmentShare = 0.05, kValidationShare = 0.06;
constexpr double kAborted = 0.004, kTerminated = 0.008, kErrored = 0.018;  // cumulative
constexpr double kDefective = 0.025;      // a new board with a real defect: fails every time
constexpr double kFlakyI2c = 0.09;        // line C's fixture: an I2C attempt misses its ACK
constexpr double kUartGlitch = 0.02;      // any station: a UART attempt sees a framing error
constexpr double kRetested = 0.92;        // a board that did not pass comes back
constexpr double kSameStation = 0.85;     // … to the station it failed on

std::chrono::sys_days day_of(std::int64_t ts) {
  return std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::nanoseconds>(std::chrono::nanoseconds(ts)));
}

std::chrono::sys_days parse_day(const char* ymd) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(ymd, "%d-%u-%u", &y, &m, &d);
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

// A UUID v4 drawn from `rng`, so a seed names the same runs every time.
std::string uuid_from(std::mt19937_64& rng) {
  const std::uint64_t hi = (rng() & 0xFFFFFFFFFFFF0FFFULL) | 0x4000ULL;
  const std::uint64_t lo = (rng() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32), static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                static_cast<unsigned long long>(hi & 0xFFFF), static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return text;
}

// Measurements per run: `total` spread over `runs` runs, about the same
// each (±1/3) but summing exactly; run `big` gets `big_count`.
std::vector<std::int64_t> spread_measurements(std::int64_t total, std::int64_t runs, std::int64_t big,
                                              std::int64_t big_count, std::mt19937_64& rng) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(runs), 0);
  if (runs == 1) {
    counts[0] = total;
    return counts;
  }
  counts[static_cast<std::size_t>(big)] = big_count;
  const std::int64_t rest = total - big_count;
  const std::int64_t base = rest / (runs - 1);
  std::int64_t sum = 0;
  for (std::int64_t i = 0; i < runs; ++i) {
    if (i == big) continue;
    const std::int64_t jitter = base / 3;
    auto& c = counts[static_cast<std::size_t>(i)];
    c = base + (jitter > 0 ? std::uniform_int_distribution<std::int64_t>(-jitter, jitter)(rng) : 0);
    sum += c;
  }
  // Walk the runs adding or taking one until the sum is exact.
  for (std::int64_t i = 0, diff = rest - sum; diff != 0; i = (i + 1) % runs) {
    if (i == big) continue;
    auto& c = counts[static_cast<std::size_t>(i)];
    if (diff > 0) {
      ++c;
      --diff;
    } else if (c > 0) {
      --c;
      ++diff;
    }
  }
  return counts;
}

// Shortest text that reads back as the same double.
void append_number(std::string& out, double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  out.append(text, result.ptr);
}

// One session's events, numbered and stamped as the EventLog would.
class SessionEvents {
 public:
  SessionEvents(std::string session_id, std::string run_id) : session_(std::move(session_id)), run_(std::move(run_id)) {}

  void add(std::int64_t ts, const char* type, std::string payload, const std::string& step_path = {}, int vector = -1,
           const char* role = "", bool in_run = true) {
    JournalEntry& entry = entries_.emplace_back();
    Event& e = entry.event;
    e.session_id = session_;
    e.seq = entries_.size();
    e.ts = ts;
    e.type = type;
    e.role = role;
    if (in_run) e.run_id = run_;
    e.step_path = step_path;
    e.vector_index = vector;
    e.payload = std::move(payload);
  }
  void add(std::int64_t ts, const char* type, const json& payload, const std::string& step_path = {}, int vector = -1,
           const char* role = "", bool in_run = true) {
    add(ts, type, payload.dump(), step_path, vector, role, in_run);
  }
  const std::vector<JournalEntry>& entries() const { return entries_; }
  const std::string& run_id() const { return run_; }

 private:
  std::string session_;
  std::string run_;
  std::vector<JournalEntry> entries_;
};

struct Dut {
  std::string serial;
  std::size_t part = 0;
  std::string lot;
  std::size_t station = 0;  // where it was tested last
  // A real defect: this (step of kSteps, spec) is out of limits on every
  // run, beyond its high limit (else its low one) by `defect_beyond` of the
  // room between nominal and limit.
  std::optional<std::pair<std::size_t, std::size_t>> defect;
  bool defect_high = true;
  double defect_beyond = 0;
  int failures = 0;
  std::int64_t back_at = 0;  // the first run index that may retest it
};

class Generator {
 public:
  explicit Generator(const DemoOptions& options) : options_(options), rng_(options.seed) {
    big_run_ = options.runs / 2;
    const std::int64_t budget = options.measurements.value_or(kPlanMeasurementsPerRun * options.runs);
    big_count_ = std::min(kBigRunMeasurements, budget / 10);
    if (options.measurements) {
      counts_ = spread_measurements(*options.measurements, options.runs, big_run_, big_count_, rng_);
      big_count_ = counts_[static_cast<std::size_t>(big_run_)];
    }
  }

  // The events of run `index` (0-based, in start order) and its session.
  SessionEvents run_events(std::int64_t index) {
    const bool big = index == big_run_;
    std::int64_t ts = kStartTs + kSpan / options_.runs * index + static_cast<std::int64_t>(pick(60)) * kSecond;
    const std::int64_t started_ts = ts;
    Dut dut = big ? characterisation_board(ts) : next_dut(index, ts);
    const Part& part = kParts[dut.part];
    const Station& station = kStations[dut.station];
    const std::string phase = station.phase;
    const bool mocked = phase == "development";
    const int shift = static_cast<int>((ts % kDay) / (8 * 3600 * kSecond));  // three 8-hour shifts from 00:00 UTC
    const char* operator_name = kOperators[(dut.station * 3 + static_cast<std::size_t>(shift)) % kOperators.size()];
    const double window_fraction = static_cast<double>(ts - kStartTs) / static_cast<double>(kSpan);
    SessionEvents events(uuid_from(rng_), uuid_from(rng_));

    events.add(ts, "session.started",
               json{{"station", station.id},
                    {"station_name", station.id},
                    {"project", part.project},
                    {"hostname", station.hostname},
                    {"pid", 10'000 + static_cast<std::int64_t>(pick(50'000))},
                    {"operator", operator_name},
                    {"client", "cpp"},
                    {"dut_serial", dut.serial},
                    {"mocked", mocked},
                    {"litmus_version", std::string(version())}},
               {}, -1, "", false);
    std::vector<const Asset*> instruments;
    for (const Asset& asset : kAssets) {
      if (asset.station == dut.station) instruments.push_back(&asset);
    }
    for (const Asset* asset : instruments) {
      ts += 20 * kMillisecond;
      connect(events, ts, *asset, mocked, phase);
    }
    ts += 1200 * kMillisecond;
    const bool release = phase != "development";
    events.add(ts, "run.started",
               json{{"dut_serial", dut.serial},
                    {"dut_part_number", part.part_number},
                    {"dut_revision", dut.part == kRf ? "C" : "B"},
                    {"dut_lot_number", dut.lot},
                    {"product", part.product},
                    {"fixture", std::string("fx_") + part.project + "_" + station.id},
                    {"station", station.id},
                    {"operator", operator_name},
                    {"phase", phase},
                    {"profile", release ? phase : ""},
                    {"project", part.project},
                    {"program", std::string("test_") + part.product},
                    {"git_commit", release ? "3f2a9c1" : "9b1e07d"},
                    {"git_branch", release ? "release/2.4" : "main"},
                    {"git_dirty", !release},
                    {"guardband_pct", nullptr},
                    {"mocked", mocked},
                    {"filter", "*"},
                    {"environment",
                     {{"compiler", "GNU 12.2.0"},
                      {"litmus_version", std::string(version())},
                      {"build_type", "RelWithDebInfo"},
                      {"hostname", station.hostname},
                      {"os", "Linux"}}}});

    // Every (step, vector) pair in run order.
    struct Pair {
      std::size_t step;
      int vector;
    };
    std::vector<Pair> pairs;
    json discovered = json::array();
    for (std::size_t s = 0; s < part.steps.size(); ++s) {
      const StepPlan& plan = kSteps[part.steps[s]];
      for (int v = 0; v < plan.vectors; ++v) pairs.push_back({part.steps[s], v});
      const std::string path = plan.path;
      const auto slash = path.find('/');
      discovered.push_back({{"step_path", path},
                            {"suite", path.substr(0, slash)},
                            {"name", path.substr(slash + 1)},
                            {"file", std::string("tests/test_") + path.substr(0, slash) + ".cpp"},
                            {"line", 12 + 24 * static_cast<int>(s)},
                            {"vectors", plan.vectors}});
    }
    ts += kMillisecond;
    events.add(ts, "test.steps_discovered", json{{"steps", discovered}});

    // How it ends before any value is drawn: most runs go through; a few
    // are cut short (killed, or stopped by the operator) or hit an
    // instrument timeout, in the middle of one pair.
    const double fate = big ? 1.0 : unit();
    const bool aborted = fate < kAborted;
    const bool terminated = !aborted && fate < kTerminated;
    const bool errors = !aborted && !terminated && fate < kErrored;
    const std::size_t special = pick(pairs.size());
    const std::size_t executed = aborted || terminated ? special + 1 : pairs.size();
    // Measurements each attempt takes: its step's measurements once per
    // vector; or, when the run's count is given (--measurements, and the
    // largest run), what is left shared over the pairs still to run — the
    // last taking the rest, so the counts add up exactly.
    const bool spread = options_.measurements.has_value() || big;
    std::int64_t left = !spread ? 0 : big ? big_count_ : counts_[static_cast<std::size_t>(index)];
    auto take = [&](std::size_t p) {
      if (!spread) return static_cast<std::int64_t>(kSteps[pairs[p].step].specs.size());
      const auto remaining = static_cast<std::int64_t>(executed - p);
      return left / remaining + (left % remaining != 0 ? 1 : 0);
    };

    std::map<std::string, int> counts;
    bool any_failed = false;
    bool any_errored = false;
    for (std::size_t p = 0; p < executed; ++p) {
      const StepPlan& plan = kSteps[pairs[p].step];
      const int vector = pairs[p].vector;
      const std::string path = plan.path;
      json inputs = json::object();
      inputs[plan.input] = plan.first + vector * plan.increment;
      const std::string inputs_text = inputs.dump();
      const bool cut_here = p == special && (aborted || terminated);
      const bool errors_here = p == special && errors;
      for (int retry = 0;; ++retry) {
        ts += 50 * kMillisecond;
        const std::int64_t attempt_start = ts;
        const auto attempt_ns =
            static_cast<std::int64_t>(plan.seconds * (0.85 + 0.4 * unit()) * static_cast<double>(kSecond));
        events.add(ts, "test.step_started",
                   "{\"inputs\":" + inputs_text + ",\"vector_retry\":" + std::to_string(retry) +
                       ",\"vector_count\":" + std::to_string(plan.vectors) + "}",
                   path, vector);
        const std::int64_t count = take(p);
        left -= spread ? count : 0;
        json failures = json::array();
        for (std::int64_t m = 0; m < count; ++m) {
          const auto spec_index = static_cast<std::size_t>(m % static_cast<std::int64_t>(plan.specs.size()));
          const Spec& spec = plan.specs[spec_index];
          const bool defective = dut.defect == std::make_pair(pairs[p].step, spec_index);
          const double value = draw(spec, dut, station, window_fraction, defective);
          const bool passed = (!spec.low || value >= *spec.low) && (!spec.high || value <= *spec.high);
          ts = attempt_start + attempt_ns * (m + 1) / (count + 1);
          events.add(ts, "test.measurement",
                     measurement(spec, dut.station, mocked, value, passed, retry, m >= static_cast<std::int64_t>(plan.specs.size())),
                     path, vector);
          if (!passed) {
            failures.push_back({{"file", std::string("tests/test_") + path.substr(0, path.find('/')) + ".cpp"},
                                {"line", 40},
                                {"message", std::string(spec.name) + " out of limits"}});
          }
        }
        ts = attempt_start + attempt_ns;
        if (cut_here && aborted) break;  // the process died inside the attempt: no step_ended
        // The fixture's pogo pins on line C, and UART framing errors anywhere.
        if (!cut_here && !errors_here) {
          if (pairs[p].step == kI2c && dut.station == kLineC && unit() < kFlakyI2c) {
            failures.push_back({{"file", "tests/test_Comms.cpp"},
                                {"line", 88},
                                {"message", "Expected: i2c.probe(0x48)\n  Actual: NACK (no acknowledge)"}});
          }
          if (pairs[p].step == kUart && unit() < kUartGlitch) {
            failures.push_back({{"file", "tests/test_Comms.cpp"},
                                {"line", 57},
                                {"message", "Expected: uart.echo(\"ping\") == \"ping\"\n  Actual: \"p\\xFFng\""}});
          }
        }
        const char* outcome = cut_here ? "terminated" : errors_here ? "errored" : !failures.empty() ? "failed" : "passed";
        const bool retrying = std::string_view(outcome) == "failed" && retry < plan.retries;
        json ended = {{"outcome", outcome}, {"vector_retry", retry},   {"duration_ns", attempt_ns},
                      {"retrying", retrying}, {"failures", failures}};
        if (errors_here) ended["error"] = "litmus::InstrumentError: dmm: read timed out after 2000 ms";
        events.add(ts, "test.step_ended", ended, path, vector);
        if (retrying) continue;
        ++counts[outcome];
        any_failed = any_failed || std::string_view(outcome) == "failed";
        any_errored = any_errored || errors_here;
        break;
      }
    }
    const char* outcome = aborted       ? "aborted"
                          : terminated  ? "terminated"
                          : any_errored ? "errored"
                          : any_failed  ? "failed"
                                        : "passed";
    ts += 5 * kMillisecond;
    json run_ended = {{"outcome", outcome}, {"duration_ns", ts - started_ts}, {"counts", counts}};
    if (terminated) run_ended["reason"] = "SIGTERM";
    if (aborted) {
      // As recovery writes it for a process that died.
      run_ended = {{"outcome", "aborted"}, {"reason", "the process died; closed by recovery"}, {"synthetic", true}};
    }
    events.add(ts, "run.ended", run_ended);
    if (!aborted) {
      for (const Asset* asset : instruments) {
        ts += kMillisecond;
        events.add(ts, "instrument.disconnected", std::string("{}"), {}, -1, asset->role, false);
      }
    }
    ts += kMillisecond;
    json session_ended = {{"outcome", outcome}};
    if (aborted) session_ended["synthetic"] = true;
    events.add(ts, "session.ended", session_ended, {}, -1, "", false);

    if (big) big_run_id_ = events.run_id();
    if (!big && std::string_view(outcome) != "passed" && !mocked) send_back(std::move(dut), index);
    return events;
  }

  const std::string& big_run_id() const { return big_run_id_; }
  std::int64_t big_count() const { return big_count_; }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  double unit() { return std::uniform_real_distribution<double>(0, 1)(rng_); }

  static std::string lot_at(std::int64_t ts) {
    char lot[16];
    std::snprintf(lot, sizeof lot, "L26%02lld", static_cast<long long>((ts - kStartTs) / (kLotDays * kDay) + 1));
    return lot;
  }

  Dut new_board(std::size_t part, std::size_t station, std::int64_t ts) {
    Dut dut;
    dut.part = part;
    dut.station = station;
    dut.lot = lot_at(ts);
    char serial[32];
    std::snprintf(serial, sizeof serial, "%s-%07lld", kParts[part].serial_prefix,
                  static_cast<long long>(++serial_counter_));
    dut.serial = serial;
    return dut;
  }

  // The largest run: an engineer's characterisation sweep of a controller
  // on a development bench (outside the line's metrics, phase development).
  Dut characterisation_board(std::int64_t ts) { return new_board(kController, kDevBench, ts); }

  // A board back for a retest when one is due, else a new one.
  Dut next_dut(std::int64_t index, std::int64_t ts) {
    if (!retests_.empty() && retests_.front().back_at <= index) {
      Dut dut = std::move(retests_.front());
      retests_.pop_front();
      const bool on_a_line = dut.station <= kLineC;
      if (on_a_line && unit() >= kSameStation) dut.station = (dut.station + 1 + pick(2)) % 3;
      return dut;
    }
    double which = unit();
    std::size_t part = 0;
    while (part + 1 < kParts.size() && which >= kParts[part].share) which -= kParts[part++].share;
    const double use = unit();
    const std::size_t station = use < kDevelopmentShare                      ? kDevBench + pick(2)
                                : use < kDevelopmentShare + kValidationShare ? kValidationBench
                                : part == kRf                                ? kRfLab
                                                                             : pick(3);
    Dut dut = new_board(part, station, ts);
    if (kStations[station].phase == std::string_view("production") && unit() < kDefective) {
      const auto& steps = kParts[part].steps;
      const std::size_t step = steps[pick(steps.size())];
      const std::size_t spec = pick(kSteps[step].specs.size());
      dut.defect = std::make_pair(step, spec);
      dut.defect_high = kSteps[step].specs[spec].high && (!kSteps[step].specs[spec].low || unit() < 0.5);
      dut.defect_beyond = 0.2 + 0.8 * unit();
    }
    return dut;
  }

  // A board that did not pass: most come back after a few runs; one with
  // a real defect that failed twice is scrapped.
  void send_back(Dut dut, std::int64_t index) {
    ++dut.failures;
    if (dut.defect && dut.failures >= 2) return;
    if (unit() >= kRetested) return;
    dut.back_at = index + 1 + static_cast<std::int64_t>(pick(20));
    retests_.push_back(std::move(dut));
  }

  // A value of `spec` on this board and station at this point of the window.
  double draw(const Spec& spec, const Dut& dut, const Station& station, double window_fraction, bool defective) {
    double room = INFINITY;
    if (spec.low) room = std::min(room, spec.nominal - *spec.low);
    if (spec.high) room = std::min(room, *spec.high - spec.nominal);
    double mean = spec.nominal;
    if (defective) {
      const double beyond = room * (1 + dut.defect_beyond);
      mean += dut.defect_high ? beyond : -beyond;
    }
    for (const Drift& drift : kDrifts) {
      if (std::string_view(drift.spec) != spec.name) continue;
      if (drift.station && kStations[*drift.station].id != std::string_view(station.id)) continue;
      if (drift.lot && dut.lot != drift.lot) continue;
      if (drift.part_number && std::string_view(kParts[dut.part].part_number) != drift.part_number) continue;
      mean += drift.ramps ? drift.shift * window_fraction : drift.shift;
    }
    return mean + noise_(rng_) * room / (3 * spec.cpk);
  }

  // instrument.calibration_warning (when due within 30 days or overdue) and
  // instrument.connected, with identity and calibration as an asset file
  // gives them.
  void connect(SessionEvents& events, std::int64_t ts, const Asset& asset, bool mocked, const std::string& phase) {
    const auto today = day_of(ts);
    const auto due = parse_day(asset.due);
    const auto days_left = static_cast<std::int64_t>((due - today).count());
    const char* status = days_left < 0 ? "overdue" : days_left < 30 ? "due_soon" : "current";
    const std::string asset_id = std::string(asset.role) + "-" + asset.serial;
    if (days_left < 30) {
      // Overdue instruments only serve runs the platform does not refuse:
      // validation and development ones.
      std::string message = std::string(asset.role) + " (asset " + asset_id + "): calibration ";
      message += days_left < 0 ? std::string("was due ") + asset.due + ", " + std::to_string(-days_left) + " days ago"
                               : std::string("is due ") + asset.due + ", in " + std::to_string(days_left) + " days";
      events.add(ts, "instrument.calibration_warning",
                 json{{"asset", asset_id},
                      {"due", asset.due},
                      {"days_left", days_left},
                      {"status", status},
                      {"refused", days_left < 0 && !mocked && phase == "production"},
                      {"message", message}},
                 {}, -1, asset.role, false);
    }
    events.add(ts, "instrument.connected",
               json{{"type", asset.role},
                    {"resource", mocked ? "mock" : asset.resource},
                    {"mocked", mocked},
                    {"driver", mocked ? "mock" : "scpi"},
                    {"asset", asset_id},
                    {"identity",
                     {{"manufacturer", asset.manufacturer},
                      {"model", asset.model},
                      {"serial", asset.serial},
                      {"firmware", asset.firmware}}},
                    {"calibration",
                     {{"due", asset.due},
                      {"last", asset.calibrated},
                      {"certificate", std::string("CAL-") + asset.serial},
                      {"lab", "Metrology Services GmbH"},
                      {"status", status},
                      {"days_left", days_left}}}},
               {}, -1, asset.role, false);
  }

  // A test.measurement payload. Written as text from pieces built once per
  // spec and instrument: five million payloads through nlohmann would cost
  // minutes of a large store's generation.
  std::string measurement(const Spec& spec, std::size_t station, bool mocked, double value, bool passed, int retry,
                          bool repeated) {
    std::string& limit = limits_[&spec];
    if (limit.empty()) {
      json j{{"nominal", spec.nominal}, {"units", spec.units}, {"source", "test_yaml"}};
      if (spec.low) j["low"] = *spec.low;
      if (spec.high) j["high"] = *spec.high;
      j["comparator"] = spec.low && spec.high ? "GELE" : spec.low ? "GE" : "LE";
      limit = ",\"units\":" + json(spec.units).dump() + ",\"limit\":" + j.dump();
    }
    std::string out = "{\"name\":\"";
    out += spec.name;
    out += "\",\"value\":";
    append_number(out, value);
    out += passed ? ",\"outcome\":\"passed\"" : ",\"outcome\":\"failed\"";
    out += ",\"vector_retry\":";
    out += std::to_string(retry);
    out += repeated ? ",\"repeated\":true" : ",\"repeated\":false";
    out += limit;
    out += instrument_of(spec, station, mocked);
    out += '}';
    return out;
  }

  // ",\"instrument\":{...}" naming the station's instrument that read
  // `spec`, or "" when none did.
  const std::string& instrument_of(const Spec& spec, std::size_t station, bool mocked) {
    std::string& text = instruments_[{station, &spec}];
    if (!text.empty() || *spec.role == '\0') return text;
    for (const Asset& asset : kAssets) {
      if (asset.station != station || std::string_view(asset.role) != spec.role) continue;
      text = ",\"instrument\":" + json{{"role", asset.role},
                                       {"resource", mocked ? "mock" : asset.resource},
                                       {"channel", spec.channel},
                                       {"manufacturer", asset.manufacturer},
                                       {"model", asset.model},
                                       {"serial", asset.serial},
                                       {"asset", std::string(asset.role) + "-" + asset.serial},
                                       {"calibration_due", asset.due},
                                       {"calibration_last", asset.calibrated}}
                                      .dump();
    }
    return text;
  }

  DemoOptions options_;
  std::mt19937_64 rng_;
  std::normal_distribution<double> noise_{0.0, 1.0};
  std::int64_t big_run_ = 0;
  std::int64_t big_count_ = 0;
  std::string big_run_id_;
  std::vector<std::int64_t> counts_;  // with --measurements: per run
  std::deque<Dut> retests_;
  std::int64_t serial_counter_ = 0;
  std::map<const Spec*, std::string> limits_;
  std::map<std::pair<std::size_t, const Spec*>, std::string> instruments_;
};

// Drops every index the schema created by name but runs_session — the
// assets rollup looks up each ending session's runs by it, which without
// it is a scan of every run per session; returns how many.
int drop_secondary_indexes(store::Database& db) {
  std::vector<std::string> names;
  auto q = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name <> 'runs_session'");
  while (q.step()) names.push_back(q.column_text(0));
  for (const auto& name : names) db.exec("DROP INDEX \"" + name + "\"");
  return static_cast<int>(names.size());
}

int run_demo(const DemoOptions& options) {
  // Generated data next to real results would be indistinguishable from them.
  if (std::filesystem::exists(store_path(options.data_dir))) {
    std::cerr << "litmus demo: " << store_path(options.data_dir).string()
              << " already exists; give an empty or new --data-dir\n";
    return 1;
  }
  auto store = store::EventStore::open(options.data_dir, store::EventStore::Mode::read_write);
  // Nothing here needs to survive a crash: a failed run is run again. No
  // WAL (each page written once, not to the WAL and then back), no syncs,
  // and a page cache (3 GiB at most) holding the primary-key indexes that
  // random ids make every session touch all over. Reopening the store at
  // the end puts it back in WAL mode.
  store->db().exec("PRAGMA journal_mode=MEMORY");
  store->db().exec("PRAGMA synchronous=OFF");
  store->db().exec("PRAGMA cache_size=-3145728");
  // Bulk loading: the secondary indexes (every index the schema creates by
  // name; ingest needs only the primary keys, unique constraints and
  // runs_session) are
  // dropped, and reopening the store at the end has the schema build them
  // again, each in one sorted pass instead of millions of random inserts.
  const auto dropped = drop_secondary_indexes(store->db());

  Generator generator(options);
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  const std::int64_t step = std::max<std::int64_t>(options.runs / 20, 1);
  std::int64_t events = 0;
  std::int64_t measurements = 0;
  double ingest_seconds = 0;
  // A commit writes every page its transaction dirtied, and one session
  // dirties ~150 (the events, measurements and runs indexes): committed one
  // by one, 100 000 sessions would write tens of GB. Each session is still
  // one ingest() call, inside a transaction spanning many.
  std::optional<store::Transaction> batch;
  std::int64_t batch_events = 0;
  for (std::int64_t i = 0; i < options.runs; ++i) {
    const SessionEvents session = generator.run_events(i);
    const auto before = std::chrono::steady_clock::now();
    if (!batch) batch.emplace(store->db());
    store->ingest(session.entries(), 0);
    batch_events += static_cast<std::int64_t>(session.entries().size());
    if (batch_events >= kBatchEvents || i + 1 == options.runs) {
      batch->commit();
      batch.reset();
      batch_events = 0;
    }
    ingest_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count();
    events += static_cast<std::int64_t>(session.entries().size());
    for (const auto& entry : session.entries()) measurements += entry.event.type == "test.measurement";
    if ((i + 1) % step == 0 || i + 1 == options.runs) {
      std::cerr << "demo: " << i + 1 << "/" << options.runs << " runs, " << measurements << " measurements, "
                << events << " events, " << static_cast<int>(elapsed()) << " s\n";
    }
  }
  const double load_seconds = elapsed();
  store.reset();
  store = store::EventStore::open(options.data_dir, store::EventStore::Mode::read_write);  // the indexes again
  store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::cerr << "demo: rebuilt " << dropped << " indexes in " << static_cast<int>(elapsed() - load_seconds) << " s\n";
  std::cout << "data dir:      " << options.data_dir.string() << '\n'
            << "runs:          " << options.runs << '\n'
            << "measurements:  " << measurements << '\n'
            << "events:        " << events << '\n'
            << "largest run:   " << generator.big_run_id() << " (" << generator.big_count() << " measurements)\n"
            << "seconds:       " << elapsed() << " (" << ingest_seconds << " in EventStore::ingest and commits, "
            << elapsed() - load_seconds << " rebuilding indexes)\n";
  return 0;
}

}  // namespace

Command add_demo_command(CLI::App& app) {
  auto options = std::make_shared<DemoOptions>();
  auto* sub = app.add_subcommand("demo", "Fill an empty data dir with a realistic production line to explore");
  // The command's name before it made a demo line; benches and scripts use it.
  sub->alias("generate-data");
  sub->add_option("--data-dir", options->data_dir, "Data dir to create (must not hold a store yet)")->required();
  sub->add_option("--runs", options->runs, "Runs to generate")->check(CLI::Range(1, 10'000'000))->capture_default_str();
  sub->add_option("--measurements", options->measurements,
                  "Measurements in all, spread evenly over the runs (default: each run's test plan, ~50)")
      ->check(CLI::Range(0LL, 1'000'000'000LL));
  sub->add_option("--seed", options->seed, "Random seed: the same seed gives the same store")->capture_default_str();
  return {sub, [options] { return run_demo(*options); }};
}

}  // namespace litmus::cli
