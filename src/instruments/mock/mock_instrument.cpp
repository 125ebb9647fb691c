#include "instruments/mock/mock_instrument.hpp"

#include <algorithm>

#include "instruments/mock/mock_dmm.hpp"
#include "instruments/mock/mock_eload.hpp"
#include "instruments/mock/mock_function_generator.hpp"
#include "instruments/mock/mock_psu.hpp"
#include "instruments/mock/mock_scope.hpp"
#include "instruments/mock/mock_smu.hpp"
#include "instruments/mock/mock_switch.hpp"
#include "instruments/mock/mock_transport.hpp"
#include "litmus/scpi_connection.hpp"

namespace litmus {

std::unique_ptr<Instrument> make_mock_instrument(const config::InstrumentConfig& config, InstrumentBinding binding) {
  binding.driver = "mock";
  binding.channels = config.channels;
  binding.io = std::make_shared<ScpiConnection>(std::make_unique<MockTransport>(binding, config.mock_config));
  // A multi-output mock has as many outputs as the station file names
  // channels, so output numbers are checked as on the real instrument.
  const int outputs = std::max(1, static_cast<int>(config.channels.size()));
  MockMethods methods(config.role, config.type, config.mock_config);
  const std::string& type = config.type;
  if (type == "dmm") return std::make_unique<Dmm>(std::move(binding), std::make_unique<MockDmm>(std::move(methods)));
  if (type == "psu") {
    return std::make_unique<Psu>(std::move(binding), std::make_unique<MockPsu>(std::move(methods), outputs));
  }
  if (type == "scope") {
    return std::make_unique<Scope>(std::move(binding), std::make_unique<MockScope>(std::move(methods)));
  }
  if (type == "eload") {
    return std::make_unique<ELoad>(std::move(binding), std::make_unique<MockELoad>(std::move(methods)));
  }
  if (type == "fgen") {
    return std::make_unique<FunctionGenerator>(std::move(binding), std::make_unique<MockFunctionGenerator>(outputs));
  }
  if (type == "smu") return std::make_unique<Smu>(std::move(binding), std::make_unique<MockSmu>(std::move(methods)));
  if (type == "switch") {
    return std::make_unique<SwitchMatrix>(std::move(binding), std::make_unique<MockSwitch>(std::move(methods)));
  }
  return nullptr;
}

}  // namespace litmus
