#include "drivers/builtin_drivers.hpp"

#include "drivers/keysight_344xx.hpp"
#include "drivers/rigol_dp800.hpp"
#include "drivers/rigol_ds1000z.hpp"
#include "drivers/scpi_dmm.hpp"
#include "drivers/scpi_eload.hpp"
#include "drivers/scpi_fgen.hpp"
#include "drivers/scpi_psu.hpp"
#include "drivers/scpi_scope.hpp"
#include "drivers/scpi_smu.hpp"
#include "drivers/scpi_switch.hpp"

namespace litmus {

namespace {

template <class Interface, class Driver>
void add(std::string_view name, std::string_view description) {
  register_driver<Interface>(
      name, [](DriverContext& ctx) -> std::unique_ptr<Interface> { return std::make_unique<Driver>(ctx); },
      description);
}

}  // namespace

void register_builtin_drivers() {
  using namespace drivers;
  add<DmmDriver, ScpiDmm>("scpi", "Generic SCPI DMM: MEAS:<function>? [range], SENS:<function>:RANG/:NPLC");
  add<DmmDriver, Keysight344xx>("keysight_344xx",
                                "Keysight 34460A/34461A/34465A/34470A: CONF:<function> once, then READ?");
  add<PsuDriver, ScpiPsu>("scpi", "Generic SCPI supply: INST:NSEL n, VOLT, CURR, OUTP, MEAS:VOLT?/CURR?");
  add<PsuDriver, RigolDp800>("rigol_dp800", "Rigol DP800 (DP811/DP821/DP831/DP832): :SOUR<n>:VOLT, :OUTP CH<n>");
  add<ScopeDriver, ScpiScope>("scpi", "Generic SCPI scope (Keysight InfiniiVision style): one :WAV:DATA? block");
  add<ScopeDriver, RigolDs1000z>("rigol_ds1000z",
                                 "Rigol DS1000Z: RAW record in 250 000-point chunks, Rigol preamble scaling");
  add<ELoadDriver, ScpiELoad>("scpi", "Generic SCPI electronic load: FUNC, CURR/VOLT/RES/POW, INP, MEAS:*?");
  add<FunctionGeneratorDriver, ScpiFunctionGenerator>("scpi", "Generic SCPI function generator: SOUR<n>:FUNC/FREQ/VOLT, OUTP<n>");
  add<SmuDriver, ScpiSmu>("scpi", "Generic SCPI SMU (Keithley 2400 style): SOUR:FUNC, SOUR:VOLT/CURR, SENS:*:PROT");
  add<SwitchDriver, ScpiSwitch>("scpi", "Generic SCPI switch: ROUT:CLOS/OPEN (@<route>), ROUT:CLOS?");
}

}  // namespace litmus
