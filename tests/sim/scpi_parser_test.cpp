// The SCPI message parser and the command table every model dispatches
// through: compound messages, short/long forms, suffixes, parameters and
// the errors a real instrument would queue.

#include <gtest/gtest.h>

#include "sim/command_table.hpp"
#include "sim/scpi_fault.hpp"
#include "sim/scpi_message.hpp"

namespace litmus::sim {
namespace {

std::vector<ScpiCommand> parse_all(std::string_view message) {
  std::vector<ScpiCommand> commands;
  std::vector<HeaderNode> prefix;
  for (auto text : split_commands(message)) commands.push_back(parse_command(text, prefix));
  return commands;
}

std::string header(const ScpiCommand& command) {
  std::string text = command.common ? "*" : "";
  for (const auto& node : command.path) {
    if (!text.empty() && text != "*") text += ':';
    text += node.mnemonic;
    if (node.suffix) text += std::to_string(*node.suffix);
  }
  return text + (command.query ? "?" : "");
}

int fault_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const ScpiFault& fault) {
    return fault.code();
  }
  return 0;
}

TEST(ScpiParser, SplitsCompoundMessagesWithRelativePaths) {
  const auto commands = parse_all("SOUR:VOLT 5;CURR 1; :MEAS:VOLT?;*IDN?;VOLT?");
  ASSERT_EQ(commands.size(), 5u);
  EXPECT_EQ(header(commands[0]), "SOUR:VOLT");
  EXPECT_EQ(commands[0].args, std::vector<std::string>{"5"});
  EXPECT_EQ(header(commands[1]), "SOUR:CURR");  // relative to SOUR:
  EXPECT_EQ(header(commands[2]), "MEAS:VOLT?");  // absolute
  EXPECT_EQ(header(commands[3]), "*IDN?");
  EXPECT_EQ(header(commands[4]), "MEAS:VOLT?");  // the common command kept the path
}

TEST(ScpiParser, ReadsSuffixesAndUpperCases) {
  const auto commands = parse_all(":sour2:volt 1.5;:chan1:scal?");
  EXPECT_EQ(header(commands[0]), "SOUR2:VOLT");
  EXPECT_EQ(commands[0].path[0].suffix, 2);
  EXPECT_EQ(header(commands[1]), "CHAN1:SCAL?");
}

TEST(ScpiParser, SplitsArgumentsKeepingListsAndQuotes) {
  EXPECT_EQ(split_arguments(" CH1, ON "), (std::vector<std::string>{"CH1", "ON"}));
  EXPECT_EQ(split_arguments("(@101,102:105),'a;b,c'"), (std::vector<std::string>{"(@101,102:105)", "'a;b,c'"}));
  const auto commands = parse_all("DISP:TEXT \"x;y\";*CLS");
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].args, std::vector<std::string>{"\"x;y\""});
}

TEST(ScpiParser, RejectsBadSyntax) {
  EXPECT_EQ(fault_code([] { parse_all("VOLT 'open"); }), -102);
  EXPECT_EQ(fault_code([] { parse_all("ROUT:CLOS (@101"); }), -102);
  EXPECT_EQ(fault_code([] { parse_all("VOLT 1,,2"); }), -102);
  EXPECT_EQ(fault_code([] { parse_all("SOUR:1VOLT 1"); }), -102);
  EXPECT_EQ(fault_code([] { parse_all(":"); }), -102);
}

// A table and what its handlers saw.
struct Probe {
  CommandTable table;
  std::string last;
  Probe() {
    table.add("[SOURce#]:VOLTage[:LEVel][:IMMediate][:AMPLitude]", 1, [this](Call& call) {
      last = "volt " + std::to_string(call.suffix(0, 9)) + " " + std::to_string(call.number(0, {0, 30, 0}));
    });
    table.add("MEASure[:SCALar]:VOLTage[:DC]?", 1, [](Call& call) { call.reply = "+1"; });
    table.add("OUTPut#[:STATe]", 2, [this](Call& call) {
      last = call.arg_count() == 2 ? "outp ch" + std::to_string(call.numbered(0, {"CH"})) + "=" +
                                         std::to_string(call.boolean(1))
                                   : "outp " + std::to_string(call.boolean(0));
    });
    table.add("ROUTe:CLOSe", 1, [this](Call& call) {
      last.clear();
      for (int channel : call.channel_list(0)) last += std::to_string(channel) + " ";
    });
    table.add("*IDN?", 0, [](Call& call) { call.reply = "id"; });
  }
  std::string run(std::string_view message) {
    std::vector<HeaderNode> prefix;
    std::string reply;
    for (auto text : split_commands(message)) reply += table.execute(parse_command(text, prefix));
    return reply;
  }
  int error(std::string_view message) {
    return fault_code([&] { run(message); });
  }
};

TEST(CommandTable, MatchesShortAndLongFormsAndOptionalNodes) {
  Probe probe;
  for (const char* form : {"VOLT 1", "volt 1", "VOLTAGE 1", "SOUR:VOLT 1", "SOURCE:VOLTAGE:LEVEL:IMMEDIATE 1",
                           ":SOUR:VOLT:LEV:IMM:AMPL 1"}) {
    probe.last.clear();
    probe.run(form);
    EXPECT_EQ(probe.last, "volt 9 1.000000") << form;  // no suffix: the handler's fallback
  }
  EXPECT_EQ(probe.run("MEAS:VOLT?"), "+1");
  EXPECT_EQ(probe.run("measure:scalar:voltage:dc?"), "+1");
  EXPECT_EQ(probe.run("*idn?"), "id");
}

TEST(CommandTable, PassesNumericSuffixes) {
  Probe probe;
  probe.run("SOUR2:VOLT 3");
  EXPECT_EQ(probe.last, "volt 2 3.000000");
  probe.run("OUTP CH3,ON");
  EXPECT_EQ(probe.last, "outp ch3=1");
  probe.run("OUTP:STAT OFF");
  EXPECT_EQ(probe.last, "outp 0");
}

TEST(CommandTable, ConvertsParameters) {
  Probe probe;
  probe.run("VOLT MAX");
  EXPECT_EQ(probe.last, "volt 9 30.000000");
  probe.run("VOLT min");
  EXPECT_EQ(probe.last, "volt 9 0.000000");
  probe.run("VOLT DEF");
  EXPECT_EQ(probe.last, "volt 9 0.000000");
  probe.run("VOLT 2.5e1");
  EXPECT_EQ(probe.last, "volt 9 25.000000");
  probe.run("ROUT:CLOS (@101,102:105,201)");
  EXPECT_EQ(probe.last, "101 102 103 104 105 201 ");
}

TEST(CommandTable, RaisesTheStandardErrors) {
  Probe probe;
  EXPECT_EQ(probe.error("VOLTS 1"), -113);       // no such header
  EXPECT_EQ(probe.error("MEAS:VOLT:AC?"), -113);  // not one of the patterns
  EXPECT_EQ(probe.error("VOLT? 1, 2"), -113);     // only the setting is declared
  EXPECT_EQ(probe.error("VOLT 31"), -222);
  EXPECT_EQ(probe.error("VOLT abc"), -224);
  EXPECT_EQ(probe.error("VOLT"), -109);
  EXPECT_EQ(probe.error("VOLT 1,2"), -108);
  EXPECT_EQ(probe.error("OUTP MAYBE"), -224);
  EXPECT_EQ(probe.error("OUTP CHX,ON"), -224);
  EXPECT_EQ(probe.error("ROUT:CLOS 101"), -224);
  EXPECT_EQ(probe.error("ROUT:CLOS (@105:101)"), -224);
}

}  // namespace
}  // namespace litmus::sim
