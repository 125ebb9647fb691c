#include "instruments/instrument_factory.hpp"

#include "instruments/driver_registry_lookup.hpp"
#include "instruments/mock/mock_instrument.hpp"
#include "litmus/error.hpp"
#include "litmus/scpi_connection.hpp"
#include "litmus/transport.hpp"

namespace litmus {

namespace {

// A connected real instrument: the registered driver's maker over an open
// connection.
std::unique_ptr<Instrument> make_real_instrument(const std::string& where, const config::InstrumentConfig& config,
                                                 InstrumentBinding binding, std::chrono::milliseconds io_timeout) {
  binding.driver = config.driver.empty() ? "scpi" : config.driver;
  binding.channels = config.channels;
  // The driver is looked up before the connection is opened: a typo in the
  // station file is a configuration error whether or not the bench is on.
  const InstrumentMaker* maker = find_driver(config.type, binding.driver);
  if (!maker) {
    std::string known;
    for (const auto& name : driver_names(config.type)) known += (known.empty() ? "" : ", ") + name;
    throw ConfigError(where + ": unknown driver '" + binding.driver + "' for a " + config.type +
                      "; drivers: " + (known.empty() ? "none registered" : known));
  }
  if (config.resource.empty() && !binding.io) {
    throw ConfigError(where +
                      ": no `resource:` to connect to (such as TCPIP::10.0.0.5::5025::SOCKET); give one, or "
                      "mock the instrument (`mock: true`, --mock-instruments)");
  }
  try {
    // The caller may have opened it already (to ask *IDN? first): one
    // connection per instrument, as some accept no second one.
    if (!binding.io) {
      binding.io = std::make_shared<ScpiConnection>(open_transport(config.resource, io_timeout),
                                                    ScpiOptions{.timeout = io_timeout});
    }
    // Copies: a driver must not keep references into the binding, which
    // moves into the instrument.
    const std::string role = binding.role;
    const std::vector<std::string> channels = binding.channels;
    DriverContext context{*binding.io, role, channels};
    return (*maker)(std::move(binding), context);
  } catch (const ConfigError&) {
    throw;
  } catch (const std::exception& error) {
    throw InstrumentError(where + " (" + config.resource + "): " + error.what());
  }
}

}  // namespace

std::unique_ptr<Instrument> make_instrument(const config::StationConfig& station,
                                            const config::InstrumentConfig& config, InstrumentBinding binding,
                                            const InstrumentFactorySettings& settings) {
  const std::string where = station.file.string() + ": instruments." + config.role;
  std::unique_ptr<Instrument> instrument =
      settings.mock ? make_mock_instrument(config, std::move(binding))
                    : make_real_instrument(where, config, std::move(binding), settings.io_timeout);
  if (!instrument) throw ConfigError(where + ": no driver for type '" + config.type + "'");
  return instrument;
}

}  // namespace litmus
