// Example tests for {{name}}. Each TEST is a step of the run; each row of
// its sweep (tests/test_power.yaml) a vector. Every instrument call and
// measurement is recorded: `litmus runs`, `litmus show RUN_ID`,
// `litmus serve`.

#include <litmus/gtest.hpp>

#include <algorithm>

// The rail stays in spec over the input range. The limit comes from the
// product characteristic rail_3v3, tightened to ±2 % in the test YAML.
TEST(Power, RailWithinSpec) {
  auto& ctx = litmus::context();
  auto& psu = ctx.instrument<litmus::Psu>("psu");
  auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
  psu.set_current_limit(0.5);
  psu.set_voltage(ctx.param("vin", 5.0));
  psu.enable_output();
  LITMUS_VERIFY("v_rail", dmm.measure_dc_voltage());
}

// Input current below 0.5 A (limit at the top of the test YAML).
TEST(Power, InputCurrent) {
  auto& ctx = litmus::context();
  auto& psu = ctx.instrument<litmus::Psu>("psu");
  psu.set_voltage(5.0);
  psu.enable_output();
  LITMUS_VERIFY("i_in", psu.measure_current());
}

// The clock's peak-to-peak amplitude, with the limit given in the call.
TEST(Signals, ClockAmplitude) {
  auto& ctx = litmus::context();
  auto& scope = ctx.instrument<litmus::Scope>("scope");
  const litmus::Waveform clock = scope.read_waveform("ch1");
  const auto [low, high] = std::minmax_element(clock.samples.begin(), clock.samples.end());
  LITMUS_VERIFY("clk_vpp", *high - *low, {.low = 3.0, .high = 3.6, .units = "V"});
}

// No limit in the call or the YAML: the product characteristic named
// r_pullup (products/board.yaml) judges it.
TEST(Board, PullupResistance) {
  auto& ctx = litmus::context();
  auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
  LITMUS_VERIFY("r_pullup", dmm.measure_resistance());
}
