// The safe state: a session's end makes every instrument safe, whatever
// the outcome, and one instrument failing to does not spare the others.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "instruments/mock/mock_psu.hpp"
#include "instruments/recording_log.hpp"
#include "station/safe_state.hpp"
#include "station/station_fixture.hpp"

namespace litmus {
namespace {

using nlohmann::json;

constexpr const char* kStation = R"(id: bench_1
instruments:
  main_supply:
    type: psu
  dmm:
    type: dmm
  aux_supply:
    type: psu
)";

class SafeStateTest : public testing::StationFixture {
 protected:
  void SetUp() override { write_station(kStation); }

  // Types and roles of the session's events after the last user call.
  std::vector<std::string> ending(const std::string& session_id) {
    std::vector<std::string> found;
    for (const auto& e : events(session_id)) {
      if (e.event.type == "instrument.set" || e.event.type == "instrument.disconnected" ||
          e.event.type == "session.ended") {
        found.push_back(e.event.type + " " + e.event.role);
      }
    }
    return found;
  }
};

const std::vector<std::string> kSafeEnding{
    "instrument.set main_supply",          "instrument.set aux_supply",
    "instrument.disconnected main_supply", "instrument.disconnected dmm",
    "instrument.disconnected aux_supply",  "session.ended "};

TEST_F(SafeStateTest, SessionEndTurnsEverySupplyOffBeforeDisconnecting) {
  std::string id;
  {
    auto station = connect("bench_1", options());
    id = station.session_id();
    station.instrument<Psu>("main_supply").enable_output();
  }
  auto got = ending(id);
  ASSERT_EQ(got.front(), "instrument.set main_supply");  // the test's enable_output
  got.erase(got.begin());
  EXPECT_EQ(got, kSafeEnding);
  const auto sets = events(id, "instrument.set");
  const json off = json::parse(sets[1].event.payload);
  EXPECT_EQ(off["method"], "disable_output");
  EXPECT_EQ(off["setting"], "output");
  EXPECT_EQ(off["value"], false);
}

TEST_F(SafeStateTest, AnErroredOrStoppedSessionIsMadeSafeToo) {
  std::string unwound;
  try {
    auto station = connect("bench_1", options());
    unwound = station.session_id();
    throw std::runtime_error("test code failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(ending(unwound), kSafeEnding);

  auto station = connect("bench_1", options());
  const std::string stopped = station.session_id();
  station.stop(Outcome::terminated);
  EXPECT_EQ(ending(stopped), kSafeEnding);
}

// An instrument whose safe state cannot be reached (a welded relay).
class StuckInstrument : public Instrument {
 public:
  explicit StuckInstrument(InstrumentBinding binding) : Instrument(std::move(binding)) {}
  void make_safe() override { throw std::runtime_error("relay welded shut"); }
};

TEST(MakeInstrumentsSafe, AFailureIsAWarningAndTheOthersAreStillMadeSafe) {
  testing::RecordingLog log;
  auto driver = std::make_unique<MockPsu>(MockMethods("psu", "psu", json::object()));
  MockPsu& supply = *driver;
  driver->set_output(1, true);
  std::vector<std::unique_ptr<Instrument>> instruments;
  instruments.push_back(std::make_unique<StuckInstrument>(log.binding("relays", "switch")));
  instruments.push_back(std::make_unique<Psu>(log.binding("psu", "psu"), std::move(driver)));

  make_instruments_safe(instruments, log.log(), EventContext{.run_id = "run-1"});

  EXPECT_FALSE(supply.setpoints().output);
  const auto warnings = log.of_type("diagnostic.warning");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].role, "relays");
  EXPECT_EQ(warnings[0].run_id, "run-1");
  const std::string message = json::parse(warnings[0].payload)["message"];
  EXPECT_NE(message.find("relays"), std::string::npos) << message;
  EXPECT_NE(message.find("relay welded shut"), std::string::npos) << message;
  ASSERT_EQ(log.of_type("instrument.set").size(), 1u);
}

}  // namespace
}  // namespace litmus
