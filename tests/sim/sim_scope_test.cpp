// The simulated scope as a DS1000Z driver reads it: settings, the
// preamble in Rigol's order, and :WAV:DATA? blocks of 1000 and 1 000 000
// points, whole and in :WAV:STAR/:WAV:STOP chunks.

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "one_instrument.hpp"
#include "sim/sim_scope.hpp"

namespace litmus::sim {
namespace {

using testing::OneInstrument;

struct Preamble {
  int format, type;
  std::size_t points;
  int count;
  double x_increment, x_origin, x_reference, y_increment, y_origin, y_reference;
};

Preamble parse_preamble(const std::string& text) {
  std::vector<double> fields;
  std::stringstream stream(text);
  for (std::string field; std::getline(stream, field, ',');) fields.push_back(std::stod(field));
  EXPECT_EQ(fields.size(), 10u) << text;
  fields.resize(10);
  return {static_cast<int>(fields[0]), static_cast<int>(fields[1]), static_cast<std::size_t>(fields[2]),
          static_cast<int>(fields[3]), fields[4], fields[5], fields[6], fields[7], fields[8], fields[9]};
}

// Rigol's conversion of a raw count to volts.
double volts(const Preamble& p, unsigned raw) { return (raw - p.y_origin - p.y_reference) * p.y_increment; }

TEST(SimScope, TakesChannelTimebaseAndTriggerSettings) {
  OneInstrument sim("scope");
  EXPECT_EQ(sim.query("*IDN?"), "RIGOL TECHNOLOGIES,DS1104Z,DS1ZA000000001,00.04.04.SP4");
  sim.write(":CHAN2:SCAL 0.5;:CHAN2:DISP ON;:TIM:SCAL 1e-4");
  EXPECT_EQ(std::stod(sim.query(":CHAN2:SCAL?")), 0.5);
  EXPECT_EQ(sim.query(":CHAN2:DISP?"), "1");
  EXPECT_EQ(sim.query(":CHAN3:DISP?"), "0");
  EXPECT_EQ(std::stod(sim.query(":TIM:SCAL?")), 1e-4);
  sim.write(":TRIG:EDGE:SOUR CHAN2;:TRIG:EDGE:LEV 0.25;:TRIG:EDGE:SLOP NEG");
  EXPECT_EQ(sim.query(":TRIG:EDGE:SOUR?"), "CHAN2");
  EXPECT_EQ(std::stod(sim.query(":TRIG:EDGE:LEV?")), 0.25);
  EXPECT_EQ(sim.query(":TRIG:EDGE:SLOP?"), "NEG");
  sim.write(":STOP");
  EXPECT_EQ(sim.query(":TRIG:STAT?"), "STOP");
  sim.write(":RUN");
  EXPECT_EQ(sim.query(":TRIG:STAT?"), "TD");
  sim.write(":SING");
  EXPECT_EQ(sim.query(":TRIG:STAT?"), "STOP");
  sim.write(":CHAN5:SCAL 1");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-114,");
}

TEST(SimScope, ReadsAThousandPointBlockOfTheSignal) {
  OneInstrument sim("scope");
  sim.write(":WAV:SOUR CHAN1;:WAV:MODE NORM;:WAV:FORM BYTE;:WAV:POIN 1000");
  const Preamble p = parse_preamble(sim.query(":WAV:PRE?"));
  EXPECT_EQ(p.format, 0);
  EXPECT_EQ(p.type, 0);
  EXPECT_EQ(p.points, 1000u);
  EXPECT_EQ(p.count, 1);
  EXPECT_DOUBLE_EQ(p.x_increment, 12e-3 / 1000);  // 12 divisions of 1 ms
  EXPECT_DOUBLE_EQ(p.x_origin, -6e-3);            // the trigger at the centre
  EXPECT_EQ(p.y_reference, 127.0);
  sim.write(":WAV:DATA?");
  const std::string block = sim.client->read_block();
  ASSERT_EQ(block.size(), 1000u);
  double low = 1e9, high = -1e9;
  for (char c : block) {
    const double v = volts(p, static_cast<unsigned char>(c));
    low = std::min(low, v);
    high = std::max(high, v);
  }
  // The default 1 Vpk sine, to the resolution of a byte at 1 V/div.
  EXPECT_NEAR(high, 1.0, p.y_increment);
  EXPECT_NEAR(low, -1.0, p.y_increment);
  // Rising through the 0 V trigger level at t = 0.
  EXPECT_NEAR(volts(p, static_cast<unsigned char>(block[500])), 0.0, p.y_increment);
  EXPECT_GT(volts(p, static_cast<unsigned char>(block[510])), 0.0);
}

TEST(SimScope, ReadsWordAndAsciiFormats) {
  OneInstrument sim("scope");
  sim.model<SimScope>().set_signal(2, {.shape = SignalShape::square, .frequency = 1000, .amplitude = 2, .offset = 0.5});
  sim.write(":WAV:SOUR CHAN2;:WAV:FORM WORD;:WAV:POIN 100");
  const Preamble p = parse_preamble(sim.query(":WAV:PRE?"));
  EXPECT_EQ(p.format, 1);
  sim.write(":WAV:DATA?");
  const std::string words = sim.client->read_block();
  ASSERT_EQ(words.size(), 200u);
  for (std::size_t i = 0; i < 100; ++i) {
    const unsigned raw = static_cast<unsigned char>(words[2 * i]) | static_cast<unsigned char>(words[2 * i + 1]) << 8;
    const double v = volts(p, raw);
    EXPECT_TRUE(std::abs(v - 2.5) < 1e-3 || std::abs(v + 1.5) < 1e-3) << i << ": " << v;
  }
  sim.write(":WAV:FORM ASC");
  EXPECT_EQ(sim.query(":WAV:FORM?"), "ASC");
  sim.write(":WAV:DATA?");
  std::stringstream ascii(sim.client->read_block());
  std::size_t count = 0;
  for (std::string value; std::getline(ascii, value, ',');) {
    const double v = std::stod(value);
    EXPECT_TRUE(v == 2.5 || v == -1.5) << value;
    ++count;
  }
  EXPECT_EQ(count, 100u);
}

TEST(SimScope, ReadsAMillionPointsWholeAndInChunks) {
  OneInstrument sim("scope");
  sim.write(":ACQ:MDEP 1000000;:STOP;:WAV:SOUR CHAN1;:WAV:MODE RAW;:WAV:FORM BYTE");
  EXPECT_EQ(sim.query(":ACQ:MDEP?"), "1000000");
  const Preamble p = parse_preamble(sim.query(":WAV:PRE?"));
  EXPECT_EQ(p.type, 2);
  ASSERT_EQ(p.points, 1'000'000u);
  sim.write(":WAV:DATA?");
  const std::string whole = sim.client->read_block();
  ASSERT_EQ(whole.size(), 1'000'000u);

  // A DS1000Z returns at most 250 000 bytes per read: 1-based STAR/STOP.
  sim.model<SimScope>().set_max_points_per_read(250'000);
  std::string chunks;
  for (std::size_t start = 1; start <= p.points; start += 250'000) {
    sim.write(":WAV:STAR " + std::to_string(start) + ";:WAV:STOP " + std::to_string(start + 249'999));
    sim.write(":WAV:DATA?");
    chunks += sim.client->read_block();
  }
  EXPECT_EQ(chunks, whole);  // one acquisition while stopped
  sim.write(":WAV:STAR 1;:WAV:STOP 1000000;:WAV:DATA?");
  EXPECT_EQ(sim.client->read_block(), "");  // too many at once
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-222,");
  sim.write(":WAV:STAR 1000001;:WAV:STOP 1000000;:WAV:DATA?");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-222,");
}

TEST(SimScope, ReproducesNoiseFromTheSeed) {
  auto acquire = [](std::uint64_t seed) {
    OneInstrument sim("scope", seed);
    sim.model<SimScope>().set_signal(1, {.noise = 0.2});
    sim.write(":WAV:DATA?");
    return sim.client->read_block();
  };
  EXPECT_EQ(acquire(3), acquire(3));
  EXPECT_NE(acquire(3), acquire(4));
}

TEST(SimScope, AStoppedRecordReadsAgainAsItWasAndFollowsANewScale) {
  OneInstrument sim("scope");
  sim.write(":STOP;:WAV:SOUR CHAN1;:WAV:MODE NORM;:WAV:FORM BYTE;:WAV:POIN 1000");
  const Preamble before = parse_preamble(sim.query(":WAV:PRE?"));
  sim.write(":WAV:DATA?");
  const std::string first = sim.client->read_block();
  sim.write(":WAV:DATA?");
  EXPECT_EQ(sim.client->read_block(), first);
  // Half the volts per division: twice the counts for the same signal.
  sim.write(":CHAN1:SCAL 0.5");
  const Preamble after = parse_preamble(sim.query(":WAV:PRE?"));
  EXPECT_DOUBLE_EQ(after.y_increment, before.y_increment / 2);
  sim.write(":WAV:DATA?");
  const std::string rescaled = sim.client->read_block();
  ASSERT_EQ(rescaled.size(), 1000u);
  EXPECT_NE(rescaled, first);
  double high = -1e9;
  for (char c : rescaled) high = std::max(high, volts(after, static_cast<unsigned char>(c)));
  EXPECT_NEAR(high, 1.0, after.y_increment);
  // Another format of the same record, and back.
  sim.write(":WAV:FORM WORD;:WAV:DATA?");
  EXPECT_EQ(sim.client->read_block().size(), 2000u);
  sim.write(":WAV:FORM BYTE;:WAV:DATA?");
  EXPECT_EQ(sim.client->read_block(), rescaled);
}

}  // namespace
}  // namespace litmus::sim
