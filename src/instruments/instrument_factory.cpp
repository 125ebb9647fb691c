#include "instruments/instrument_factory.hpp"

#include "instruments/mock/mock_dmm.hpp"
#include "instruments/mock/mock_psu.hpp"
#include "instruments/mock/mock_scope.hpp"
#include "litmus/error.hpp"

namespace litmus {

std::unique_ptr<Instrument> make_instrument(const config::StationConfig& station,
                                            const config::InstrumentConfig& config, InstrumentBinding binding,
                                            bool mock) {
  if (!mock) {
    throw ConfigError(station.file.string() + ": instruments." + config.role +
                      ": this Litmus build has mock drivers only; connect with {.mock = true}, set "
                      "LITMUS_MOCK_INSTRUMENTS=1, or give the instrument `mock: true`");
  }
  MockMethods methods(config.role, config.type, config.mock_config);
  if (config.type == "dmm") {
    return std::make_unique<Dmm>(std::move(binding), std::make_unique<MockDmm>(std::move(methods)));
  }
  if (config.type == "psu") {
    return std::make_unique<Psu>(std::move(binding), std::make_unique<MockPsu>(std::move(methods)));
  }
  if (config.type == "scope") {
    return std::make_unique<Scope>(std::move(binding), std::make_unique<MockScope>(std::move(methods)));
  }
  throw ConfigError(station.file.string() + ": instruments." + config.role + ": no driver for type '" + config.type +
                    "'");
}

}  // namespace litmus
