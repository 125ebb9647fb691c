#pragma once
// The drivers Litmus ships: a generic SCPI driver named "scpi" for every
// instrument type, and model drivers (keysight_344xx, rigol_dp800,
// rigol_ds1000z, ...).

namespace litmus {

// Registers every built-in driver through register_instrument_driver().
// Called once by the registry before its first lookup.
void register_builtin_drivers();

}  // namespace litmus
