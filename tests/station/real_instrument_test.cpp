// connect() on real instruments: the SCPI simulator on loopback TCP plays
// the bench, so the whole real path runs — resource lock, transport,
// *IDN? against the asset file, calibration, driver, events.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "sim/sim_dmm.hpp"
#include "sim/sim_server.hpp"
#include "station/calibration_status.hpp"
#include "station/station_fixture.hpp"

namespace litmus {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// YYYY-MM-DD of today + `days` (UTC).
std::string date_in(int days) {
  const std::chrono::year_month_day date{utc_today() + std::chrono::days(days)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

class RealInstrumentTest : public testing::StationFixture {
 protected:
  void SetUp() override {
    ::setenv("LITMUS_LOCK_DIR", (data_.path() / "locks").c_str(), 1);
    sim::SimConfig config;
    config.add("dmm", "dmm");
    sim_ = std::make_unique<sim::SimServer>(std::move(config));
    sim_->start();
    sim_->model<sim::SimDmm>("dmm").set_value(DmmFunction::dc_voltage, 3.3);
    write_station("id: bench_1\ninstruments:\n  dmm:\n    type: dmm\n    driver: keysight_344xx\n    resource: " +
                  sim_->resource("dmm") + "\n    asset: dmm_1\n");
  }
  void TearDown() override { ::unsetenv("LITMUS_LOCK_DIR"); }

  void write_asset(const std::string& serial, const std::string& due) {
    testing::write_file(project_ / "instruments/dmm_1.yaml",
                        "id: dmm_1\ntype: dmm\nmanufacturer: Keysight Technologies\nmodel: 34461A\nserial: " + serial +
                            "\ncalibration:\n  last: " + date_in(-300) + "\n  due: " + due + "\n");
  }
  ConnectOptions real(const std::string& phase = "") const {
    ConnectOptions o = options();
    o.mock = false;
    o.phase = phase;
    return o;
  }
  json payload_of(const std::string& session, const std::string& type) const {
    const auto found = events(session, type);
    EXPECT_EQ(found.size(), 1u) << type;
    return found.empty() ? json() : json::parse(found[0].event.payload);
  }

  std::unique_ptr<sim::SimServer> sim_;
};

TEST_F(RealInstrumentTest, IdentityIsVerifiedAndCopiedOntoTheConnection) {
  write_asset("MY53200001", date_in(200));
  std::string id;
  {
    auto station = connect("bench_1", real());
    id = station.session_id();
    EXPECT_NEAR(station.instrument<Dmm>("dmm").measure_dc_voltage(), 3.3, 0.05);
    EXPECT_EQ(station.instrument<Dmm>("dmm").identity().serial, "MY53200001");
  }
  const json connected = payload_of(id, "instrument.connected");
  EXPECT_EQ(connected["mocked"], false);
  EXPECT_EQ(connected["driver"], "keysight_344xx");
  EXPECT_EQ(connected["identity"]["serial"], "MY53200001");
  EXPECT_EQ(connected["calibration"]["status"], "current");
  EXPECT_TRUE(connected.contains("lock"));
  const json verified = payload_of(id, "instrument.identity_verified");
  EXPECT_EQ(verified["matches"], true);
  EXPECT_EQ(verified["mismatched"], json::array());
  EXPECT_TRUE(events(id, "instrument.calibration_warning").empty());
}

TEST_F(RealInstrumentTest, AnotherInstrumentThanTheAssetIsAMismatchWarning) {
  write_asset("MY99999999", date_in(200));
  std::string id;
  {
    auto station = connect("bench_1", real());
    id = station.session_id();
  }
  const json verified = payload_of(id, "instrument.identity_verified");
  EXPECT_EQ(verified["matches"], false);
  EXPECT_EQ(verified["mismatched"], json::array({"serial"}));
  EXPECT_EQ(verified["actual"]["serial"], "MY53200001");
  const json warning = payload_of(id, "diagnostic.warning");
  EXPECT_NE(warning["message"].get<std::string>().find("asset dmm_1"), std::string::npos);
}

TEST_F(RealInstrumentTest, CalibrationDueSoonWarns) {
  write_asset("MY53200001", date_in(10));
  std::string id;
  {
    auto station = connect("bench_1", real("production"));
    id = station.session_id();
  }
  const json warning = payload_of(id, "instrument.calibration_warning");
  EXPECT_EQ(warning["status"], "due_soon");
  EXPECT_EQ(warning["days_left"], 10);
  EXPECT_EQ(warning["refused"], false);
}

TEST_F(RealInstrumentTest, OverdueCalibrationRefusesProductionUnlessOverridden) {
  write_asset("MY53200001", date_in(-3));
  try {
    connect("bench_1", real("production"));
    FAIL() << "a production session started on an overdue instrument";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("--allow-overdue-calibration"), std::string::npos) << error.what();
  }
  auto sessions = store::EventStore::open(data_.path())->sessions(10);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].outcome, "errored");
  const json refused = payload_of(sessions[0].session_id, "instrument.calibration_warning");
  EXPECT_EQ(refused["status"], "overdue");
  EXPECT_EQ(refused["days_left"], -3);
  EXPECT_EQ(refused["refused"], true);

  ConnectOptions overridden = real("production");
  overridden.allow_overdue_calibration = true;
  EXPECT_NO_THROW(connect("bench_1", overridden));
  EXPECT_NO_THROW(connect("bench_1", real("development")));  // warns only
}

TEST_F(RealInstrumentTest, SecondSessionOnTheSameResourceIsToldWhoHoldsIt) {
  write_asset("MY53200001", date_in(200));
  auto first = connect("bench_1", real());
  try {
    connect("bench_1", real());
    FAIL() << "two sessions hold one resource";
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("resource in use by pid " + std::to_string(::getpid())),
              std::string::npos)
        << error.what();
  }
}

TEST_F(RealInstrumentTest, MocksTakeTheirIdentityFromTheAssetAndNeverLock) {
  write_asset("MY53200001", date_in(200));
  auto first = connect("bench_1", options());
  auto second = connect("bench_1", options());  // a mock holds no lock
  const std::string id = second.session_id();
  second.stop();  // the session's events are in the store once it has ended
  const json connected = payload_of(id, "instrument.connected");
  EXPECT_EQ(connected["mocked"], true);
  EXPECT_EQ(connected["identity"]["serial"], "MY53200001");
  EXPECT_FALSE(connected.contains("lock"));
  EXPECT_TRUE(events(id, "instrument.identity_verified").empty());
}

TEST_F(RealInstrumentTest, LostInstrumentErrorsTheCallInsteadOfHanging) {
  write_asset("MY53200001", date_in(200));
  auto station = connect("bench_1", real());
  auto& dmm = station.instrument<Dmm>("dmm");
  dmm.measure_dc_voltage();
  sim_->stop();
  EXPECT_THROW(dmm.measure_dc_voltage(), InstrumentError);
  try {
    dmm.measure_dc_voltage();
    FAIL();
  } catch (const InstrumentError& error) {
    EXPECT_NE(std::string(error.what()).find("lost"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace litmus
