#pragma once
// Everything a Litmus user needs: #include <litmus/litmus.hpp>
// It brings <iostream> too, so a bench script can print without ceremony.

#include <iostream>

#include "litmus/error.hpp"
#include "litmus/event.hpp"
#include "litmus/event_log.hpp"
#include "litmus/instrument.hpp"
#include "litmus/instruments/dmm.hpp"
#include "litmus/instruments/psu.hpp"
#include "litmus/instruments/scope.hpp"
#include "litmus/outcome.hpp"
#include "litmus/station.hpp"
#include "litmus/version.hpp"
#include "litmus/waveform.hpp"
