// The driver registry: a user driver registered from a test program,
// names refused when taken or invalid, and the factory's lookup.
#include <gtest/gtest.h>

#include <algorithm>
#include <litmus/driver_registry.hpp>
#include <litmus/error.hpp>

#include "instruments/acme_dmm.hpp"
#include "instruments/driver_registry_lookup.hpp"

namespace litmus {
namespace {

LITMUS_REGISTER_DRIVER(DmmDriver, "registry_test_dmm", testing::AcmeDmm);

TEST(DriverRegistry, AUserDriverRegisteredBeforeMainIsListedAndFound) {
  const auto drivers = registered_drivers();
  auto it = std::find_if(drivers.begin(), drivers.end(),
                         [](const DriverInfo& d) { return d.type == "dmm" && d.name == "registry_test_dmm"; });
  ASSERT_NE(it, drivers.end());
  EXPECT_FALSE(it->builtin);
  // Built-in drivers come first.
  EXPECT_TRUE(std::is_partitioned(drivers.begin(), drivers.end(), [](const DriverInfo& d) { return d.builtin; }));
  EXPECT_NE(find_driver("dmm", "registry_test_dmm"), nullptr);
  EXPECT_EQ(find_driver("psu", "registry_test_dmm"), nullptr);  // registered for a DMM only
  const auto names = driver_names("dmm");
  EXPECT_NE(std::find(names.begin(), names.end(), "registry_test_dmm"), names.end());
}

TEST(DriverRegistry, TakenInvalidOrUnknownNamesAreRefused) {
  auto refusal = [](std::string_view type, std::string_view name) {
    try {
      register_instrument_driver(type, name, "",
                                 [](InstrumentBinding, DriverContext&) { return std::unique_ptr<Instrument>(); });
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(refusal("dmm", "registry_test_dmm").find("that name is taken"), std::string::npos);
  EXPECT_NE(refusal("dmm", "bad name").find("letters, digits"), std::string::npos);
  EXPECT_NE(refusal("dmm", "").find("letters, digits"), std::string::npos);
  EXPECT_NE(refusal("oven", "acme").find("unknown instrument type; known types: dmm, psu"), std::string::npos);
  // The typed form names the type from the driver interface.
  EXPECT_THROW(register_driver<DmmDriver>("registry_test_dmm",
                                          [](DriverContext& ctx) { return std::make_unique<testing::AcmeDmm>(ctx); }),
               Error);
}

TEST(DriverRegistry, TheSameNameMayServeSeveralTypes) {
  const auto none = [](InstrumentBinding, DriverContext&) { return std::unique_ptr<Instrument>(); };
  register_instrument_driver("psu", "registry_test_shared", "a supply", none);
  register_instrument_driver("switch", "registry_test_shared", "a relay card", none);
  EXPECT_NE(find_driver("psu", "registry_test_shared"), nullptr);
  EXPECT_NE(find_driver("switch", "registry_test_shared"), nullptr);
  const auto drivers = registered_drivers();
  auto it = std::find_if(drivers.begin(), drivers.end(),
                         [](const DriverInfo& d) { return d.type == "switch" && d.name == "registry_test_shared"; });
  ASSERT_NE(it, drivers.end());
  EXPECT_EQ(it->description, "a relay card");
}

}  // namespace
}  // namespace litmus
