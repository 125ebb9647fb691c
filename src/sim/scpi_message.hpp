#pragma once
// Parsing SCPI program messages: "SOUR:VOLT 5;CURR 1;:MEAS:VOLT?" is three
// commands; the second is relative to the first's path (SOUR:CURR), the
// third absolute. Headers keep their mnemonics as written (upper-cased);
// matching short/long forms is the command table's job.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace litmus::sim {

struct HeaderNode {
  std::string mnemonic;       // "SOUR", upper-cased, without its suffix
  std::optional<int> suffix;  // SOUR2 -> 2
};

struct ScpiCommand {
  bool common = false;            // "*IDN?": outside the header tree
  std::vector<HeaderNode> path;   // absolute, after resolving a relative header
  bool query = false;
  std::vector<std::string> args;  // trimmed, quotes and parentheses kept
};

// The commands of one message, split at the ';' outside quotes and
// parentheses.
std::vector<std::string_view> split_commands(std::string_view message);

// Parses one command. `prefix` is the path a relative header continues
// from; it is updated for the next command of the same message (SCPI's
// rule: the path less its last node). Throws ScpiFault -102 on bad syntax.
ScpiCommand parse_command(std::string_view text, std::vector<HeaderNode>& prefix);

// "1,(@101,102),'a,b'" -> {"1", "(@101,102)", "'a,b'"}.
std::vector<std::string> split_arguments(std::string_view text);

}  // namespace litmus::sim
