// The instrument factory: a user driver built over a real TCP connection,
// and the errors that name the station file and role.
#include "instruments/instrument_factory.hpp"

#include <gtest/gtest.h>

#include <litmus/driver_registry.hpp>
#include <litmus/litmus.hpp>

#include "instruments/acme_dmm.hpp"
#include "instruments/recording_log.hpp"
#include "transport/loopback_responder.hpp"

namespace litmus {
namespace {

using namespace std::chrono_literals;

LITMUS_REGISTER_DRIVER(DmmDriver, "acme_dmm", testing::AcmeDmm);

config::StationConfig station_file() {
  config::StationConfig station;
  station.file = "stations/bench_1.yaml";
  station.id = "bench_1";
  return station;
}

TEST(InstrumentFactory, BuildsAUserDriverOverARealConnection) {
  testing::LoopbackResponder bench;
  bench.on("*IDN?", testing::LoopbackResponder::text("Acme,DMM-1,SN42,2.0"));
  bench.on("VDC?", testing::LoopbackResponder::text("1.5"));
  testing::RecordingLog log;
  config::InstrumentConfig config{.role = "meter", .type = "dmm", .driver = "acme_dmm", .resource = bench.resource()};
  auto real_binding = [&] {
    InstrumentBinding binding = log.binding("meter", "dmm");
    binding.resource = config.resource;
    binding.mocked = false;
    return binding;
  };
  {
    auto instrument = make_instrument(station_file(), config, real_binding(), {.io_timeout = 2000ms});
    auto* meter = dynamic_cast<Dmm*>(instrument.get());
    ASSERT_NE(meter, nullptr);
    EXPECT_EQ(meter->driver_name(), "acme_dmm");
    EXPECT_EQ(meter->connection().identify().serial, "SN42");
    EXPECT_EQ(meter->measure_dc_voltage(), 1.5);
    EXPECT_EQ(meter->query("*IDN?"), "Acme,DMM-1,SN42,2.0");
    ASSERT_EQ(log.of_type("instrument.read").size(), 2u);
  }
  // A connection the caller opened (to ask *IDN? first) is the one used.
  InstrumentBinding binding = real_binding();
  binding.io = std::make_shared<ScpiConnection>(open_transport(config.resource, 2000ms));
  const ScpiConnection* opened = binding.io.get();
  auto instrument = make_instrument(station_file(), config, std::move(binding), {.io_timeout = 2000ms});
  EXPECT_EQ(&instrument->connection(), opened);
  EXPECT_EQ(dynamic_cast<Dmm&>(*instrument).measure_dc_voltage(), 1.5);
}

TEST(InstrumentFactory, ConfigurationAndConnectionErrorsNameTheFileAndRole) {
  testing::RecordingLog log;
  auto failure = [&](const config::InstrumentConfig& config) -> std::string {
    try {
      make_instrument(station_file(), config, log.binding(config.role, config.type), {.io_timeout = 500ms});
    } catch (const ConfigError& e) {
      return std::string("config: ") + e.what();
    } catch (const InstrumentError& e) {
      return std::string("instrument: ") + e.what();
    }
    return "built";
  };
  const std::string unknown =
      failure({.role = "meter", .type = "dmm", .driver = "nope", .resource = "TCPIP::x::1::SOCKET"});
  EXPECT_EQ(
      unknown.rfind("config: stations/bench_1.yaml: instruments.meter: unknown driver 'nope' for a dmm; drivers: ", 0),
      0u)
      << unknown;
  EXPECT_NE(unknown.find("acme_dmm"), std::string::npos) << unknown;
  const std::string no_resource = failure({.role = "meter", .type = "dmm", .driver = "acme_dmm"});
  EXPECT_NE(no_resource.find("config: stations/bench_1.yaml: instruments.meter: no `resource:`"), std::string::npos)
      << no_resource;
  // A port nothing listens on: a loopback responder's, once it is gone.
  std::string closed_port;
  {
    testing::LoopbackResponder gone;
    closed_port = gone.resource();
  }
  const std::string refused = failure({.role = "meter", .type = "dmm", .driver = "acme_dmm", .resource = closed_port});
  EXPECT_NE(refused.find("instrument: stations/bench_1.yaml: instruments.meter (" + closed_port + "): "),
            std::string::npos)
      << refused;
}

}  // namespace
}  // namespace litmus
