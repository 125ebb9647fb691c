// The scope drivers against the simulated DS1104Z (and, renamed, an
// InfiniiVision): records of 1000 and 1 000 000 points arrive complete,
// with the preamble's time axis and the vendor's scaling to volts.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "drivers/rigol_ds1000z.hpp"
#include "drivers/scpi_scope.hpp"
#include "drivers/sim_connection.hpp"
#include "sim/sim_scope.hpp"

namespace litmus::drivers {
namespace {

using testing::SimConnection;

constexpr double kFrequency = 1000.0;
constexpr double kOffset = 1.0;  // V: the signal is sin + 1

// A sine the trigger (ch1, 0 V + offset, rising) puts at phase 0 at t = 0.
sim::WaveSignal sine() {
  sim::WaveSignal signal;
  signal.frequency = kFrequency;
  signal.amplitude = 1.0;
  signal.offset = kOffset;
  return signal;
}

// Every sample within one count (1 V/div: 0.04 V) of the signal at its time.
void expect_sine(const Waveform& waveform) {
  double worst = 0.0;
  for (std::size_t i = 0; i < waveform.samples.size(); ++i) {
    const double t = waveform.x_origin + static_cast<double>(i) * waveform.x_increment;
    const double expected = kOffset + std::sin(2 * std::numbers::pi * kFrequency * t);
    worst = std::max(worst, std::abs(waveform.samples[i] - expected));
  }
  EXPECT_LT(worst, 0.04);
}

// A DS1104Z holding `depth` points of the sine on ch1, at 1 ms/div,
// triggered at the signal's middle, centred by a -1 V channel offset.
template <class Prepare>
SimConnection scope(std::size_t depth, Prepare&& prepare) {
  return SimConnection("scope", [&](sim::SimInstrument& instrument) {
    auto& model = dynamic_cast<sim::SimScope&>(instrument);
    model.set_signal(1, sine());
    model.set_memory_depth(depth);
    prepare(model);
  });
}
SimConnection scope(std::size_t depth) {
  return scope(depth, [](sim::SimScope&) {});
}

void centre_on_signal(ScopeDriver& driver, ScpiConnection& io) {
  driver.set_timebase(1e-3);
  driver.set_trigger("ch1", kOffset, TriggerSlope::rising);
  io.write(":CHAN1:OFFS -1");
}

TEST(RigolDs1000z, ReadsA1000PointRecordOnceStopped) {
  auto sim = scope(1000);
  auto driver = sim.driver<RigolDs1000z>();
  centre_on_signal(*driver, sim.io());
  driver->stop();
  const Waveform waveform = driver->read_waveform("ch1");
  ASSERT_EQ(waveform.samples.size(), 1000u);
  EXPECT_DOUBLE_EQ(waveform.x_increment, 12e-3 / 1000);
  EXPECT_DOUBLE_EQ(waveform.x_origin, -6e-3);
  expect_sine(waveform);
}

TEST(RigolDs1000z, ReadsAMillionPointsInChunksThePerReadLimitAllows) {
  auto sim = scope(1'000'000, [](sim::SimScope& model) {
    model.set_max_points_per_read(RigolDs1000z::max_points_per_read);
  });
  auto driver = sim.driver<RigolDs1000z>();
  centre_on_signal(*driver, sim.io());
  driver->single();
  const Waveform waveform = driver->read_waveform("ch1");
  ASSERT_EQ(waveform.samples.size(), 1'000'000u);
  EXPECT_DOUBLE_EQ(waveform.x_increment, 12e-3 / 1'000'000);
  EXPECT_DOUBLE_EQ(waveform.x_origin, -6e-3);
  expect_sine(waveform);
}

TEST(RigolDs1000z, ReadsTheScreenWhileRunning) {
  auto sim = scope(1'000'000);
  auto driver = sim.driver<RigolDs1000z>();
  centre_on_signal(*driver, sim.io());
  driver->run();
  const Waveform waveform = driver->read_waveform("ch1");
  ASSERT_EQ(waveform.samples.size(), 1200u);
  EXPECT_DOUBLE_EQ(waveform.x_increment, 12e-3 / 1200);
  expect_sine(waveform);
}

TEST(RigolDs1000z, RefusedChunkIsAScpiErrorNamingIt) {
  auto sim = scope(1'000'000, [](sim::SimScope& model) { model.set_max_points_per_read(100'000); });
  auto driver = sim.driver<RigolDs1000z>();
  driver->stop();
  try {
    driver->read_waveform("ch1");
    FAIL() << "a 250 000-point chunk was accepted";
  } catch (const ScpiError& error) {
    EXPECT_NE(std::string(error.what()).find(":WAV:STAR 1; :WAV:STOP 250000; :WAV:DATA?"), std::string::npos)
        << error.what();
    ASSERT_FALSE(error.entries().empty());
    EXPECT_EQ(error.entries()[0].rfind("-222", 0), 0u) << error.entries()[0];
  }
}

TEST(ScpiScope, ReadsAnInfiniiVisionRecordWithVoltsOrigin) {
  auto sim = SimConnection("scope", [](sim::SimInstrument& instrument) {
    instrument.set_identity({"KEYSIGHT TECHNOLOGIES", "DSOX3024T", "MY00000001", "07.50"});
    dynamic_cast<sim::SimScope&>(instrument).set_signal(1, sine());
  });
  auto driver = sim.driver<ScpiScope>();
  centre_on_signal(*driver, sim.io());
  const Waveform waveform = driver->read_waveform("ch1");
  ASSERT_EQ(waveform.samples.size(), 1200u);
  EXPECT_DOUBLE_EQ(waveform.x_increment, 12e-3 / 1200);
  EXPECT_DOUBLE_EQ(waveform.x_origin, -6e-3);
  expect_sine(waveform);
}

TEST(RigolDs1000z, ReadsTheChannelAsked) {
  auto sim = scope(1000, [](sim::SimScope& model) {
    sim::WaveSignal dc;
    dc.shape = sim::SignalShape::dc;
    dc.offset = 2.0;
    model.set_signal(3, dc);
  });
  auto driver = sim.driver<RigolDs1000z>();
  driver->set_channel_enabled("ch3", true);
  const Waveform waveform = driver->read_waveform("CH3");
  ASSERT_FALSE(waveform.samples.empty());
  for (double sample : waveform.samples) ASSERT_NEAR(sample, 2.0, 0.04);
}

TEST(ScpiScope, SettersReachTheScope) {
  auto sim = scope(1000);
  auto driver = sim.driver<ScpiScope>();
  driver->set_timebase(2e-6);
  driver->set_vertical_scale("ch2", 0.05);
  driver->set_channel_enabled("ch2", true);
  driver->set_trigger("ch2", -0.25, TriggerSlope::falling);
  ScpiConnection& io = sim.io();
  EXPECT_DOUBLE_EQ(io.query_number(":TIM:SCAL?"), 2e-6);
  EXPECT_DOUBLE_EQ(io.query_number(":CHAN2:SCAL?"), 0.05);
  EXPECT_DOUBLE_EQ(io.query_number(":CHAN2:DISP?"), 1);
  EXPECT_EQ(io.query(":TRIG:EDGE:SOUR?"), "CHAN2");
  EXPECT_DOUBLE_EQ(io.query_number(":TRIG:EDGE:LEV?"), -0.25);
  EXPECT_EQ(io.query(":TRIG:EDGE:SLOP?"), "NEG");
  driver->stop();
  EXPECT_EQ(io.query(":TRIG:STAT?"), "STOP");
  driver->run();
  EXPECT_NE(io.query(":TRIG:STAT?"), "STOP");
  driver->single();
  EXPECT_EQ(io.query(":TRIG:STAT?"), "STOP");
}

TEST(ScpiScope, UnknownChannelNameIsATestErrorNotAnInstrumentOne) {
  auto sim = scope(1000);
  auto driver = sim.driver<ScpiScope>();
  for (const char* name : {"ch5", "ch0", "1", "chan1", "ch1x", ""}) {
    try {
      driver->read_waveform(name);
      ADD_FAILURE() << "'" << name << "' was accepted";
    } catch (const InstrumentError& error) {
      ADD_FAILURE() << "'" << name << "': " << error.what();
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find("expected ch1 … ch4"), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace litmus::drivers
