// The SMU: sourcing either polarity, positive compliances, reads, and the
// output off at the session's end.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <nlohmann/json.hpp>

#include "instruments/instrument_fixture.hpp"
#include "instruments/mock/mock_smu.hpp"

namespace litmus {
namespace {

using nlohmann::json;

using SmuTest = testing::InstrumentTest;

TEST_F(SmuTest, SourcingComplianceAndReadsAreRecorded) {
  auto station = connect("bench_1", options());
  const std::string id = station.session_id();
  auto& smu = station.instrument<Smu>("smu");
  smu.source_voltage(-1.0);
  smu.set_current_compliance(0.01);
  smu.enable_output();
  EXPECT_EQ(smu.measure_voltage(), -1.0);
  EXPECT_EQ(smu.measure_current(), 1.0e-6);
  smu.source_current(-1e-3);
  smu.set_voltage_compliance(5);
  const auto& mock = dynamic_cast<MockSmu&>(smu.driver()).settings();
  EXPECT_EQ(mock.source, SmuSettings::Source::current);
  EXPECT_EQ(mock.level, -1e-3);
  EXPECT_TRUE(mock.output);
  station.stop();
  EXPECT_FALSE(mock.output);
  const std::vector<json> expected = {
      {{"method", "source_voltage"}, {"setting", "source_voltage"}, {"value", -1.0}, {"units", "V"}},
      {{"method", "set_current_compliance"}, {"setting", "current_compliance"}, {"value", 0.01}, {"units", "A"}},
      {{"method", "enable_output"}, {"setting", "output"}, {"value", true}, {"units", ""}},
      {{"method", "source_current"}, {"setting", "source_current"}, {"value", -1e-3}, {"units", "A"}},
      {{"method", "set_voltage_compliance"}, {"setting", "voltage_compliance"}, {"value", 5.0}, {"units", "V"}},
      {{"method", "disable_output"}, {"setting", "output"}, {"value", false}, {"units", ""}},
  };
  EXPECT_EQ(payloads(id, "instrument.set", "smu"), expected);
  auto reads = payloads(id, "instrument.read", "smu");
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[0]["channel"], "smu.voltage");
  EXPECT_EQ(reads[1]["channel"], "smu.current");
  EXPECT_EQ(reads[1]["units"], "A");
}

TEST_F(SmuTest, BadArgumentsAreRefused) {
  auto station = connect("bench_1", options());
  auto& smu = station.instrument<Smu>("smu");
  testing::expect_refused([&] { smu.source_voltage(std::nan("")); }, "smu (source_voltage): expected a finite value");
  testing::expect_refused([&] { smu.set_current_compliance(0); },
                          "smu (set_current_compliance): expected a finite, positive");
  testing::expect_refused([&] { smu.set_voltage_compliance(-5); }, "smu (set_voltage_compliance)");
}

}  // namespace
}  // namespace litmus
