// The switch matrix: routes closed and opened as instrument.set events,
// is_closed as a read, every relay opened at the session's end.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_switch.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using SwitchMatrixTest = testing::InstrumentTest;

TEST_F(SwitchMatrixTest, RoutesAreRecordedRememberedAndOpenedAtTheEnd) {
  std::string id;
  {
    auto station = connect("bench_1", options());
    id = station.session_id();
    auto& relays = station.instrument<SwitchMatrix>("relays");
    relays.close("101");
    relays.close("102");
    relays.close("101");
    relays.open("102");
    EXPECT_TRUE(relays.is_closed("101"));
    EXPECT_FALSE(relays.is_closed("102"));
    EXPECT_EQ(relays.closed_routes(), std::vector<std::string>{"101"});
    EXPECT_EQ(dynamic_cast<MockSwitch&>(relays.driver()).closed().size(), 1u);
    // A relay welded shut reads closed whatever it is told.
    EXPECT_TRUE(station.instrument<SwitchMatrix>("welded").is_closed("101"));
  }
  const std::vector<json> expected = {
      {{"method", "close"}, {"setting", "route"}, {"route", "101"}, {"value", true}, {"units", ""}},
      {{"method", "close"}, {"setting", "route"}, {"route", "102"}, {"value", true}, {"units", ""}},
      {{"method", "close"}, {"setting", "route"}, {"route", "101"}, {"value", true}, {"units", ""}},
      {{"method", "open"}, {"setting", "route"}, {"route", "102"}, {"value", false}, {"units", ""}},
      {{"method", "open_all"}, {"setting", "route"}, {"route", "*"}, {"value", false}, {"units", ""}},  // made safe
  };
  EXPECT_EQ(payloads(id, "instrument.set", "relays"), expected);
  auto reads = payloads(id, "instrument.read", "relays");
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[0], json({{"method", "is_closed"}, {"channel", "relays.101"}, {"units", ""}, {"value", 1.0}}));
  EXPECT_EQ(reads[1]["channel"], "relays.102");
  EXPECT_EQ(reads[1]["value"], 0.0);
  EXPECT_EQ(payloads(id, "instrument.read", "welded").at(0)["channel"], "welded.101");
}

TEST_F(SwitchMatrixTest, EmptyRoutesAreRefusedAndUnconfiguredOverridesErr) {
  auto station = connect("bench_1", options());
  auto& relays = station.instrument<SwitchMatrix>("relays");
  testing::expect_refused([&] { relays.close(""); }, "relays (close): expected a route name");
  testing::expect_refused([&] { relays.is_closed(""); }, "relays (is_closed)");
  // The welded switch's override names route 101 only.
  EXPECT_THROW(station.instrument<SwitchMatrix>("welded").is_closed("102"), InstrumentError);
}

}  // namespace
}  // namespace litmus
