#pragma once
// Drivers by name: what a station file's `driver:` picks (SPEC A3).
//
// Litmus registers a generic SCPI driver named "scpi" for every instrument
// type (used when `driver:` is absent) and model drivers such as
// "keysight_344xx", "rigol_dp800", "rigol_ds1000z". A test program adds its
// own without touching Litmus:
//
//   class AcmeDmm : public litmus::DmmDriver {
//    public:
//     explicit AcmeDmm(litmus::DriverContext& ctx) : io_(ctx.io) {}
//     double measure_dc_voltage() override { return io_.query_number("VDC?"); }
//     ...
//    private:
//     litmus::ScpiConnection& io_;
//   };
//   LITMUS_REGISTER_DRIVER(litmus::DmmDriver, "acme_dmm", AcmeDmm);
//
// and the station file says `driver: acme_dmm`. Registration happens before
// main() (a static initialiser in the test program), so it is in place when
// the runner connects the station.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/instrument.hpp"
#include "litmus/instruments/dmm.hpp"
#include "litmus/instruments/eload.hpp"
#include "litmus/instruments/function_generator.hpp"
#include "litmus/instruments/psu.hpp"
#include "litmus/instruments/scope.hpp"
#include "litmus/instruments/smu.hpp"
#include "litmus/instruments/switch_matrix.hpp"
#include "litmus/scpi_connection.hpp"

namespace litmus {

// What a driver is built from.
struct DriverContext {
  ScpiConnection& io;                        // already open, identity read
  const std::string& role;                   // "dmm"
  const std::vector<std::string>& channels;  // the station file's `channels:`
};

// Which instrument class and type name serve a driver interface.
template <class Driver>
struct InstrumentFor;
template <>
struct InstrumentFor<DmmDriver> {
  using type = Dmm;
  static constexpr std::string_view name = "dmm";
};
template <>
struct InstrumentFor<PsuDriver> {
  using type = Psu;
  static constexpr std::string_view name = "psu";
};
template <>
struct InstrumentFor<ScopeDriver> {
  using type = Scope;
  static constexpr std::string_view name = "scope";
};
template <>
struct InstrumentFor<ELoadDriver> {
  using type = ELoad;
  static constexpr std::string_view name = "eload";
};
template <>
struct InstrumentFor<FunctionGeneratorDriver> {
  using type = FunctionGenerator;
  static constexpr std::string_view name = "fgen";
};
template <>
struct InstrumentFor<SmuDriver> {
  using type = Smu;
  static constexpr std::string_view name = "smu";
};
template <>
struct InstrumentFor<SwitchDriver> {
  using type = SwitchMatrix;
  static constexpr std::string_view name = "switch";
};

// Builds the recorded instrument around a new driver.
using InstrumentMaker = std::function<std::unique_ptr<Instrument>(InstrumentBinding, DriverContext&)>;

struct DriverInfo {
  std::string type;  // "dmm"
  std::string name;  // "keysight_344xx"
  std::string description;
  bool builtin = false;
};

// Registers `maker` for instruments of `type` under `name`. Throws
// litmus::Error when (type, name) is taken or either is not a valid id
// (letters, digits, '_', '-').
void register_instrument_driver(std::string_view type, std::string_view name, std::string_view description,
                                InstrumentMaker maker);

// Typed form: `factory` makes the driver from the context.
template <class Driver>
void register_driver(std::string_view name, std::function<std::unique_ptr<Driver>(DriverContext&)> factory,
                     std::string_view description = {}) {
  using Traits = InstrumentFor<Driver>;
  register_instrument_driver(
      Traits::name, name, description,
      [factory = std::move(factory)](InstrumentBinding binding, DriverContext& ctx) -> std::unique_ptr<Instrument> {
        return std::make_unique<typename Traits::type>(std::move(binding), factory(ctx));
      });
}

// Every registered driver (built-in ones first), sorted by type then name.
std::vector<DriverInfo> registered_drivers();

namespace detail {
struct DriverRegistrar {
  template <class Driver, class Impl>
  static bool add(std::string_view name) {
    register_driver<Driver>(name, [](DriverContext& ctx) -> std::unique_ptr<Driver> {
      return std::make_unique<Impl>(ctx);
    });
    return true;
  }
};
}  // namespace detail

}  // namespace litmus

#define LITMUS_DETAIL_CONCAT2(a, b) a##b
#define LITMUS_DETAIL_CONCAT(a, b) LITMUS_DETAIL_CONCAT2(a, b)
// Registers DriverClass (constructible from litmus::DriverContext&) as the
// driver `name` of DriverInterface's instrument type, before main().
#define LITMUS_REGISTER_DRIVER(DriverInterface, name, DriverClass)                               \
  [[maybe_unused]] static const bool LITMUS_DETAIL_CONCAT(litmus_driver_registered_, __LINE__) = \
      ::litmus::detail::DriverRegistrar::add<DriverInterface, DriverClass>(name)
