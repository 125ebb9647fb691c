// Every model but the scope (sim_scope_test.cpp) through a socket, as a
// driver sees it: identity, commands of the real instruments, the values
// and load models, the error queue and the seeded noise.

#include <gtest/gtest.h>

#include "one_instrument.hpp"
#include "sim/sim_dmm.hpp"
#include "sim/sim_eload.hpp"
#include "sim/sim_fgen.hpp"
#include "sim/sim_psu.hpp"
#include "sim/sim_smu.hpp"
#include "sim/sim_switch.hpp"

namespace litmus::sim {
namespace {

using testing::OneInstrument;

double number(const std::string& reply) { return std::stod(reply); }

TEST(SimCommon, AnswersIdentityAndCommonCommands) {
  OneInstrument sim("dmm");
  EXPECT_EQ(sim.query("*IDN?"), "Keysight Technologies,34461A,MY53200001,A.03.01-02.40-03.01-00.52-03-01");
  sim.model<SimDmm>().set_identity({"ACME", "X1", "42", "0.9"});
  EXPECT_EQ(sim.query("*idn?"), "ACME,X1,42,0.9");
  EXPECT_EQ(sim.query("*RST;*CLS;*WAI;*OPC?"), "1");
  EXPECT_EQ(sim.query("*IDN?;*OPC?"), "ACME,X1,42,0.9;1");
}

TEST(SimCommon, QueuesErrorsOldestFirst) {
  OneInstrument sim("psu");
  sim.write("FOO:BAR 1");
  sim.write("VOLT 99");
  sim.write("OUTP MAYBE");
  EXPECT_EQ(sim.query("SYST:ERR:COUN?"), "3");
  EXPECT_EQ(sim.query("SYST:ERR?"), "-113,\"Undefined header\"");
  EXPECT_EQ(sim.query("SYSTEM:ERROR:NEXT?"), "-222,\"Data out of range\"");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-224,");
  EXPECT_EQ(sim.query("SYST:ERR?"), "+0,\"No error\"");
}

TEST(SimCommon, SetsEventStatusAndClearsIt) {
  OneInstrument sim("psu");
  sim.write("FOO");      // command error, bit 5
  sim.write("VOLT 99");  // execution error, bit 4
  EXPECT_EQ(sim.query("*ESR?"), "48");
  EXPECT_EQ(sim.query("*ESR?"), "0");
  sim.write("FOO");
  sim.write("*CLS");
  EXPECT_EQ(sim.query("SYST:ERR?"), "+0,\"No error\"");
}

TEST(SimCommon, StopsAMessageAtItsFirstError) {
  OneInstrument sim("psu");
  sim.write("VOLT 1;BOGUS;VOLT 2");
  EXPECT_EQ(number(sim.query("VOLT?")), 1.0);
  EXPECT_EQ(sim.query("SYST:ERR?"), "-113,\"Undefined header\"");
}

TEST(SimCommon, ReportsInjectedErrors) {
  OneInstrument sim("dmm");
  sim.model<SimDmm>().push_error(-310, "System error; injected");
  sim.model<SimDmm>().push_error(-222);
  EXPECT_EQ(sim.query("SYST:ERR?"), "-310,\"System error; injected\"");
  EXPECT_EQ(sim.query("SYST:ERR?"), "-222,\"Data out of range\"");
}

TEST(SimDmm, MeasuresTheConfiguredValues) {
  OneInstrument sim("dmm");
  auto& dmm = sim.model<SimDmm>();
  dmm.set_value(DmmFunction::dc_voltage, 3.3);
  dmm.set_value(DmmFunction::ac_voltage, 0.707);
  dmm.set_value(DmmFunction::dc_current, 0.25);
  dmm.set_value(DmmFunction::ac_current, 0.1);
  dmm.set_value(DmmFunction::resistance, 4700);
  dmm.set_value(DmmFunction::frequency, 50);
  EXPECT_EQ(sim.query("MEAS:VOLT:DC?"), "+3.30000000E+00");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 3.3);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT:AC?")), 0.707);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR:DC?")), 0.25);
  EXPECT_DOUBLE_EQ(number(sim.query("MEASURE:CURRENT:AC?")), 0.1);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:RES?")), 4700);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:FREQ?")), 50);
}

TEST(SimDmm, ConfiguresReadsAndFetches) {
  OneInstrument sim("dmm");
  sim.model<SimDmm>().set_value(DmmFunction::dc_voltage, 3.3);
  sim.write("CONF:VOLT:DC 10");
  EXPECT_EQ(sim.query("CONF?"), "\"VOLT +1.00000000E+01,+3.00000000E-05\"");
  EXPECT_DOUBLE_EQ(number(sim.query("READ?")), 3.3);
  sim.write("INIT");
  EXPECT_DOUBLE_EQ(number(sim.query("FETC?")), 3.3);
  sim.write("CONF:VOLT:DC 1");  // 3.3 V on the 1 V range overloads
  EXPECT_EQ(number(sim.query("READ?")), 9.9e37);
  sim.write("CONF:RES");
  EXPECT_DOUBLE_EQ(number(sim.query("READ?")), 1000.0);
  sim.write("FETC?");  // no INIT since CONF: nothing to fetch
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-230,");
}

TEST(SimDmm, SetsRangeAutorangeAndNplc) {
  OneInstrument sim("dmm");
  sim.write("SENS:VOLT:DC:RANG 100");
  EXPECT_EQ(number(sim.query("VOLT:DC:RANG?")), 100);
  EXPECT_EQ(sim.query("VOLT:DC:RANG:AUTO?"), "0");
  sim.write("VOLT:RANG 3");  // the smallest range holding 3 V
  EXPECT_EQ(number(sim.query("SENS:VOLT:RANG?")), 10);
  sim.write("VOLT:DC:RANG:AUTO ON");
  EXPECT_EQ(sim.query("VOLT:DC:RANG:AUTO?"), "1");
  sim.write("SENS:VOLT:DC:NPLC 1");
  EXPECT_EQ(number(sim.query("VOLT:NPLC?")), 1);
  sim.write("CURR:DC:NPLC 0.2");
  EXPECT_EQ(number(sim.query("SENS:CURR:NPLC?")), 0.2);
  sim.write("VOLT:DC:NPLC 1000");
  EXPECT_EQ(sim.query("SYST:ERR?"), "-222,\"Data out of range\"");
}

TEST(SimDmm, AddsSeededNoise) {
  auto readings = [](std::uint64_t seed) {
    OneInstrument sim("dmm", seed);
    sim.model<SimDmm>().set_noise(1e-3);
    std::vector<double> values;
    for (int i = 0; i < 5; ++i) values.push_back(number(sim.query("MEAS:VOLT?")));
    return values;
  };
  const auto first = readings(7);
  EXPECT_EQ(first, readings(7));
  EXPECT_NE(first, readings(8));
  for (double value : first) {
    EXPECT_NE(value, 1.0);
    EXPECT_NEAR(value, 1.0, 0.01);
  }
}

TEST(SimPsu, FollowsGenericScpi) {
  OneInstrument sim("psu");
  EXPECT_EQ(sim.query("*IDN?"), "RIGOL TECHNOLOGIES,DP832,DP8C000000001,00.01.16");
  sim.write("INST:NSEL 2;:VOLT 5;CURR 1;:OUTP ON");
  EXPECT_EQ(sim.query("INST:NSEL?"), "2");
  EXPECT_EQ(sim.query("OUTP?"), "1");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 5.0);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR?")), 0.05);  // 5 V into the default 100 ohm
  const PsuOutput two = sim.model<SimPsu>().output(2);
  EXPECT_EQ(two.voltage, 5.0);
  EXPECT_EQ(two.current_limit, 1.0);
  EXPECT_TRUE(two.on);
  EXPECT_FALSE(sim.model<SimPsu>().output(1).on);
  sim.write("INST CH3;VOLT 3.3");
  EXPECT_EQ(sim.query("INST?"), "CH3");
  EXPECT_EQ(sim.model<SimPsu>().output(3).voltage, 3.3);
}

TEST(SimPsu, FollowsTheRigolDialect) {
  OneInstrument sim("psu");
  sim.write(":SOUR1:VOLT 12");
  sim.write(":SOUR1:CURR 2");
  sim.write(":OUTP CH1,ON");
  EXPECT_EQ(sim.query(":OUTP? CH1"), "ON");
  EXPECT_EQ(sim.query(":OUTP? CH2"), "OFF");
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:VOLT? CH1")), 12.0);
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:CURR? CH1")), 0.12);
  EXPECT_EQ(sim.query(":OUTP:MODE? CH1"), "CV");
  sim.write(":APPL CH3,3.3,0.5");
  EXPECT_EQ(sim.query(":APPL? CH3"), "CH3:5V/3A,+3.30000000E+00,+5.00000000E-01");
  EXPECT_DOUBLE_EQ(number(sim.query(":SOUR3:VOLT?")), 3.3);
  EXPECT_DOUBLE_EQ(number(sim.query(":SOUR3:CURR?")), 0.5);
  sim.write(":APPL CH3,6,1");  // CH3 is a 5 V output
  EXPECT_EQ(sim.query("SYST:ERR?"), "-222,\"Data out of range\"");
  sim.write(":SOUR4:VOLT 1");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-114,");
}

TEST(SimPsu, LimitsCurrentIntoItsLoad) {
  OneInstrument sim("psu");
  auto& psu = sim.model<SimPsu>();
  psu.set_load(1, 10.0);
  sim.write(":APPL CH1,5,0.2;:OUTP CH1,ON");  // 5 V / 10 ohm wants 0.5 A
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:CURR? CH1")), 0.2);
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:VOLT? CH1")), 2.0);  // constant current: 0.2 A * 10 ohm
  EXPECT_EQ(sim.query(":OUTP:MODE? CH1"), "CC");
  sim.write(":SOUR1:CURR 1");
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:CURR? CH1")), 0.5);
  EXPECT_DOUBLE_EQ(number(sim.query(":MEAS:VOLT? CH1")), 5.0);
  sim.write(":OUTP CH1,OFF");
  EXPECT_EQ(number(sim.query(":MEAS:VOLT? CH1")), 0.0);
  EXPECT_EQ(number(sim.query(":MEAS:CURR? CH1")), 0.0);
}

TEST(SimPsu, ResetsToPowerOnState) {
  OneInstrument sim("psu");
  sim.write(":APPL CH2,5,1;:OUTP CH2,ON;*RST");
  ASSERT_EQ(sim.query("*OPC?"), "1");
  const PsuOutput two = sim.model<SimPsu>().output(2);
  EXPECT_EQ(two.voltage, 0.0);
  EXPECT_FALSE(two.on);
}

TEST(SimELoad, SinksFromItsSourceModel) {
  OneInstrument sim("eload");
  sim.model<SimELoad>().set_source(12.0, 0.1);
  sim.write("FUNC CURR;CURR 2;:INP ON");
  EXPECT_EQ(sim.query("INP?"), "1");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR?")), 2.0);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 11.8);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:POW?")), 23.6);
  sim.write("MODE CR;RES 5.9");  // 12 V across 6 ohm in all
  EXPECT_EQ(sim.query("FUNC?"), "RES");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR?")), 2.0);
  sim.write("FUNC VOLT;VOLT 11.5");  // (12 - 11.5) / 0.1
  EXPECT_NEAR(number(sim.query("MEAS:CURR?")), 5.0, 1e-9);
  sim.write("FUNC POW;POW 23.6");
  EXPECT_NEAR(number(sim.query("MEAS:CURR?")), 2.0, 1e-9);
  sim.write("INP OFF");
  EXPECT_EQ(number(sim.query("MEAS:CURR?")), 0.0);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 12.0);
}

TEST(SimFgen, SetsPerChannelWaveforms) {
  OneInstrument sim("fgen");
  sim.write("SOUR2:FUNC SQU;FREQ 5000;VOLT 2;VOLT:OFFS 0.5");
  sim.write("OUTP2 ON");
  sim.write("FUNC RAMP");
  ASSERT_EQ(sim.query("*OPC?"), "1");  // the writes are done
  const FgenChannel two = sim.model<SimFgen>().channel(2);
  EXPECT_EQ(sim.query("SOUR2:FUNC?"), "SQU");
  EXPECT_EQ(two.frequency, 5000.0);
  EXPECT_EQ(two.amplitude, 2.0);
  EXPECT_EQ(two.offset, 0.5);
  EXPECT_TRUE(two.output);
  EXPECT_EQ(sim.query("FUNC?"), "RAMP");  // no suffix: channel 1
  EXPECT_EQ(sim.query("OUTP1?"), "0");
  sim.write("FUNC TRIANGLE");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-224,");
}

TEST(SimSmu, SourcesIntoItsResistorWithinCompliance) {
  OneInstrument sim("smu");
  sim.model<SimSmu>().set_load(1000.0);
  sim.write("SOUR:FUNC VOLT;:SOUR:VOLT 5;:SENS:CURR:PROT 0.1;:OUTP ON");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR?")), 0.005);
  sim.write("SOUR:VOLT 200");  // 0.2 A wanted, 0.1 A allowed
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:CURR?")), 0.1);
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 100.0);
  sim.write("SOUR:FUNC CURR;:SOUR:CURR 0.01;:SENS:VOLT:PROT 5");
  EXPECT_DOUBLE_EQ(number(sim.query("MEAS:VOLT?")), 5.0);
  sim.write("OUTP OFF");
  EXPECT_EQ(number(sim.query("MEAS:VOLT?")), 0.0);
}

TEST(SimSwitch, ClosesAndOpensChannelLists) {
  OneInstrument sim("switch");
  sim.write("ROUT:CLOS (@101,102,201:203)");
  EXPECT_EQ(sim.query("ROUT:CLOS? (@101,103,202)"), "1,0,1");
  EXPECT_EQ(sim.query("ROUT:OPEN? (@103)"), "1");
  sim.write("ROUT:OPEN (@101)");
  ASSERT_EQ(sim.query("*OPC?"), "1");
  EXPECT_FALSE(sim.model<SimSwitch>().is_closed(101));
  EXPECT_TRUE(sim.model<SimSwitch>().is_closed(102));
  sim.write("ROUT:OPEN:ALL");
  EXPECT_EQ(sim.query("ROUT:CLOS? (@102)"), "0");
  sim.write("ROUT:CLOS 101");
  EXPECT_EQ(sim.query("SYST:ERR?").substr(0, 5), "-224,");
}

}  // namespace
}  // namespace litmus::sim
