#include <litmus/litmus.hpp>
int main() {
  auto station = litmus::connect("bench_1", {.mock = true});
  auto& dmm = station.instrument<litmus::Dmm>("dmm");
  double voltage = dmm.measure_voltage();          // an instrument.read event
  std::cout << "Session ID: " << station.session_id() << "\n"
            << "Voltage: " << voltage << "\n";
  auto& scope = station.instrument<litmus::Scope>("scope");
  auto waveform = scope.read_waveform("ch1");      // samples → ChannelStore
}
