// Tests of {{suite}}. Limits, sweeps and retries: tests/test_{{name}}.yaml.

#include <litmus/gtest.hpp>

TEST({{suite}}, Example) {
  auto& ctx = litmus::context();
  auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
  LITMUS_VERIFY("{{name}}_voltage", dmm.measure_dc_voltage());
}
