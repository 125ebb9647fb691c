// A misbehaving instrument through a driver: a slow reply, a lost reply, a
// queued error and a cut connection each fail the call with the exception
// that says which, naming the resource and the command — and never hang.
#include <gtest/gtest.h>

#include <chrono>

#include "drivers/rigol_dp800.hpp"
#include "drivers/rigol_ds1000z.hpp"
#include "drivers/scpi_dmm.hpp"
#include "drivers/sim_connection.hpp"
#include "sim/sim_psu.hpp"

namespace litmus::drivers {
namespace {

using namespace std::chrono_literals;
using testing::SimConnection;

bool contains(const std::exception& error, const std::string& part) {
  return std::string(error.what()).find(part) != std::string::npos;
}

template <class Change>
SimConnection with_faults(const std::string& type, Change&& change, std::chrono::milliseconds timeout) {
  return SimConnection(
      type,
      [&](sim::SimInstrument& instrument) {
        sim::Faults faults;
        change(faults);
        instrument.set_faults(faults);
      },
      timeout);
}

TEST(DriverFaults, SlowReplyIsATimeoutNamingResourceAndCommand) {
  auto sim = with_faults("dmm", [](sim::Faults& f) { f.reply_delay = 1000ms; }, 150ms);
  auto dmm = sim.driver<ScpiDmm>();
  const auto start = std::chrono::steady_clock::now();
  try {
    dmm->measure_dc_voltage();
    FAIL() << "a reply 1 s late arrived within 150 ms";
  } catch (const TransportTimeout& error) {
    EXPECT_TRUE(contains(error, sim.resource())) << error.what();
    EXPECT_TRUE(contains(error, "MEAS:VOLT:DC?")) << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 900ms);
}

TEST(DriverFaults, SlowWaveformChunkIsATimeout) {
  auto sim = with_faults("scope", [](sim::Faults& f) { f.reply_delay = 1000ms; }, 150ms);
  auto scope = sim.driver<RigolDs1000z>();
  EXPECT_THROW(scope->read_waveform("ch1"), TransportTimeout);
}

TEST(DriverFaults, DroppedReplyIsATimeoutAndTheNextCallWorks) {
  auto sim = with_faults("psu", [](sim::Faults& f) { f.drop_every = 4; }, 200ms);
  sim.model<sim::SimPsu>().set_load(1, 10.0);
  auto psu = sim.driver<RigolDp800>();
  psu->set_voltage(1, 2.0);
  psu->set_current_limit(1, 1.0);
  psu->set_output(1, true);
  // The setters' error-queue checks were replies 1 to 3; the 4th is lost.
  try {
    psu->measure_voltage(1);
    FAIL() << "the dropped reply arrived";
  } catch (const TransportTimeout& error) {
    EXPECT_TRUE(contains(error, ":MEAS:VOLT? CH1")) << error.what();
  }
  EXPECT_NEAR(psu->measure_current(1), 0.2, 1e-9);
}

TEST(DriverFaults, RefusedSetpointIsAScpiErrorWithTheQueueEntry) {
  SimConnection sim("psu");
  auto psu = sim.driver<RigolDp800>();
  try {
    psu->set_voltage(3, 12.0);  // output 3 of a DP832 stops at 5 V
    FAIL() << "12 V on a 5 V output was accepted";
  } catch (const ScpiError& error) {
    EXPECT_TRUE(contains(error, ":SOUR3:VOLT 12")) << error.what();
    EXPECT_TRUE(contains(error, sim.resource())) << error.what();
    ASSERT_EQ(error.entries().size(), 1u);
    EXPECT_EQ(error.entries()[0].rfind("-222", 0), 0u) << error.entries()[0];
  }
  EXPECT_DOUBLE_EQ(sim.model<sim::SimPsu>().output(3).voltage, 0.0);
}

TEST(DriverFaults, InjectedErrorSurfacesAtTheNextSetter) {
  SimConnection sim("psu");
  auto psu = sim.driver<RigolDp800>();
  sim.model<sim::SimPsu>().push_error(-310, "System error");
  try {
    psu->set_output(1, false);
    FAIL() << "the queued error went unnoticed";
  } catch (const ScpiError& error) {
    ASSERT_EQ(error.entries().size(), 1u);
    EXPECT_EQ(error.entries()[0].rfind("-310", 0), 0u) << error.entries()[0];
  }
}

TEST(DriverFaults, ConnectionClosedByTheInstrumentIsConnectionLost) {
  auto sim = with_faults("psu", [](sim::Faults& f) { f.close_after = 2; }, 1000ms);
  auto psu = sim.driver<RigolDp800>();
  psu->set_voltage(1, 1.0);  // messages 1 and 2: the setter and SYST:ERR?
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(psu->measure_voltage(1), ConnectionLost);
  // Reported at once, not after the timeout; and again at once after.
  EXPECT_THROW(psu->measure_current(1), ConnectionLost);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 900ms);
}

}  // namespace
}  // namespace litmus::drivers
