// A scope read recorded end to end — simulated DS1104Z (and InfiniiVision),
// driver, Scope, journal, ChannelStore — keeps the scope's byte codes with
// their scaling and reads back the very doubles the test got.
#include <gtest/gtest.h>

#include <bit>
#include <litmus/event_log.hpp>
#include <litmus/instruments/scope.hpp>

#include "drivers/rigol_ds1000z.hpp"
#include "drivers/scpi_scope.hpp"
#include "drivers/sim_connection.hpp"
#include "drivers/waveform_preamble.hpp"
#include "sim/sim_scope.hpp"
#include "store/channel_store.hpp"
#include "store/event_store.hpp"
#include "support/stored_array.hpp"
#include "support/temp_dir.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

SimConnection stopped_scope(std::size_t depth) {
  return SimConnection("scope", [&](sim::SimInstrument& instrument) {
    auto& model = dynamic_cast<sim::SimScope&>(instrument);
    sim::WaveSignal signal;
    signal.frequency = 1000.0;
    signal.amplitude = 1.0;
    model.set_signal(1, signal);
    model.set_memory_depth(depth);
    model.set_max_points_per_read(RigolDs1000z::max_points_per_read);
    model.execute(":STOP");
  });
}

struct Recorded {
  Waveform waveform;
  std::string encoding;
  std::size_t stored_bytes = 0;
  std::optional<store::ChannelArray> array;
};

// Reads ch1 through a recorded Scope over `driver` and looks the array up
// in the store.
Recorded record(std::unique_ptr<ScopeDriver> driver) {
  litmus::testing::TempDir dir;
  Recorded out;
  std::string session;
  {
    auto log = EventLog::create({.data_dir = dir.path()});
    session = log->session_id();
    Scope scope({log.get(), nullptr, "scope", "scope", "sim", false, "test"}, std::move(driver));
    out.waveform = scope.read_waveform("ch1");
    EXPECT_TRUE(log->wait_for_store(std::chrono::seconds(30)));
  }
  auto store = store::EventStore::open(dir.path());
  const auto stored = litmus::testing::stored_array(*store);
  out.encoding = stored.encoding;
  out.stored_bytes = stored.bytes;
  if (auto ref = store::parse_channel_ref(out.waveform.ref)) out.array = store::ChannelStore(*store).resolve(*ref);
  return out;
}

void expect_same_bits(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(actual[i]), std::bit_cast<std::uint64_t>(expected[i])) << "sample " << i;
  }
}

TEST(WaveformStore, AMillionRigolBytesAreStoredAsBytesAndReadBackBitForBit) {
  auto sim = stopped_scope(1'000'000);
  const WaveformPreamble preamble = parse_preamble(sim.io().query(":WAV:PRE?"), "sim");
  const Recorded r = record(sim.driver<RigolDs1000z>());
  const Waveform& w = r.waveform;
  ASSERT_EQ(w.samples.size(), 1'000'000u);
  ASSERT_TRUE(w.codes);
  EXPECT_EQ(w.codes->encoding, SampleEncoding::u8);
  EXPECT_EQ(w.codes->size(), 1'000'000u);
  // The scaling is the preamble's, and each sample what the driver always
  // computed from its byte: raw * gain + offset.
  const Scaling scaling = rigol_scaling(preamble);
  EXPECT_EQ(w.codes->scaling.gain, scaling.gain);
  EXPECT_EQ(w.codes->scaling.offset, scaling.offset);
  for (std::size_t i = 0; i < w.samples.size(); i += 997) {
    const int raw = static_cast<unsigned char>(w.codes->bytes[i]);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(w.samples[i]), std::bit_cast<std::uint64_t>(raw * scaling.gain + scaling.offset));
  }
  EXPECT_EQ(r.encoding, "u8");
  EXPECT_EQ(r.stored_bytes, 1'000'000u);
  ASSERT_TRUE(r.array);
  expect_same_bits(r.array->y, w.samples);
  EXPECT_EQ(r.array->x_origin, w.x_origin);
  EXPECT_EQ(r.array->x_increment, w.x_increment);
}

TEST(WaveformStore, InfiniiVisionBytesToo) {
  auto sim = SimConnection("scope", [](sim::SimInstrument& instrument) {
    instrument.set_identity({"KEYSIGHT TECHNOLOGIES", "DSOX3024T", "MY00000001", "07.50"});
  });
  const Recorded r = record(sim.driver<ScpiScope>());
  ASSERT_EQ(r.waveform.samples.size(), 1200u);
  EXPECT_EQ(r.encoding, "u8");
  EXPECT_EQ(r.stored_bytes, 1200u);
  ASSERT_TRUE(r.array);
  expect_same_bits(r.array->y, r.waveform.samples);
}

// A driver that changes the samples after scaling (a 10:1 probe) but
// leaves the codes: what the test got is stored, as doubles.
class TenToOneProbe : public RigolDs1000z {
 public:
  using RigolDs1000z::RigolDs1000z;
  Waveform read_waveform(std::string_view channel) override {
    Waveform waveform = RigolDs1000z::read_waveform(channel);
    for (double& sample : waveform.samples) sample *= 10;
    return waveform;
  }
};

TEST(WaveformStore, SamplesThatAreNotTheCodesAreStoredAsDoubles) {
  auto sim = stopped_scope(10'000);
  const Recorded r = record(sim.driver<TenToOneProbe>());
  ASSERT_EQ(r.waveform.samples.size(), 10'000u);
  EXPECT_EQ(r.encoding, "float64");
  EXPECT_EQ(r.stored_bytes, 80'000u);
  ASSERT_TRUE(r.array);
  expect_same_bits(r.array->y, r.waveform.samples);
}

}  // namespace
}  // namespace litmus::drivers
