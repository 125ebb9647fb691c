#pragma once
// A mock station for instrument tests, and the checks they share: what was
// recorded (payloads without their timing) and arguments refused before
// the driver.

#include <gtest/gtest.h>

#include <functional>
#include <litmus/error.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "station/station_fixture.hpp"

namespace litmus::testing {

// One mock instrument of every type (two supplies, two switches), each
// test file using its own roles.
inline constexpr const char* kMockBench = R"(id: bench_1
instruments:
  dmm:
    type: dmm
    mock_config:
      measure_voltage: 3.3
      measure_ac_voltage: 0.5
      measure_current: [0.1, 0.2]
      measure_ac_current: 0.01
      measure_resistance: 4700
      measure_frequency: 1000
      query:
        "MEAS:VOLT?": "1.234"
        "READ?": [1.5, 2.5]
        "DATA?": "#15hello"
  psu:
    type: psu
    mock_config:
      measure_voltage: 5.0
  dual:
    type: psu
    channels: [main, aux]
    mock_config:
      measure_voltage: {"1": 12.0, "2": 3.3}
      measure_current: 0.25
  scope:
    type: scope
    mock_config:
      read_waveform: {ch1: {sine: {freq: 1000, amplitude: 1, points: 100}}}
  load:
    type: eload
    mock_config:
      measure_voltage: 4.98
      measure_current: 1.0
      measure_power: 4.98
  fgen:
    type: fgen
    channels: [ch1, ch2]
  smu:
    type: smu
    mock_config:
      measure_voltage: -1.0
      measure_current: {normal: {mean: 1.0e-6, sd: 0, seed: 1}}
  relays:
    type: switch
  welded:
    type: switch
    mock_config:
      is_closed: {"101": 1}
)";

class InstrumentTest : public StationFixture {
 protected:
  void SetUp() override { write_station(kMockBench); }

  // The payloads of the session's `type` events (of `role`'s instrument;
  // empty: any), oldest first, each checked to have a duration_ns and
  // stripped of it (it varies).
  std::vector<nlohmann::json> payloads(const std::string& session_id, const std::string& type,
                                       const std::string& role = {}) const {
    std::vector<nlohmann::json> found;
    for (const auto& stored : events(session_id, type)) {
      if (!role.empty() && stored.event.role != role) continue;
      nlohmann::json payload = nlohmann::json::parse(stored.event.payload);
      EXPECT_TRUE(payload.contains("duration_ns")) << payload;
      payload.erase("duration_ns");
      found.push_back(std::move(payload));
    }
    return found;
  }
};

// `call` must throw litmus::Error — not InstrumentError: a bad argument is
// not an instrument failure — with a message containing `names` ("psu
// (set_voltage)").
inline void expect_refused(const std::function<void()>& call, const std::string& names) {
  try {
    call();
    ADD_FAILURE() << "not refused: " << names;
  } catch (const InstrumentError& e) {
    ADD_FAILURE() << "a bad argument is not an instrument failure: " << e.what();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(names), std::string::npos) << e.what();
  }
}

}  // namespace litmus::testing
