#pragma once
// The commands a simulated instrument understands, as SCPI patterns:
//   "[SOURce#]:VOLTage[:LEVel][:IMMediate]"   a setting
//   ":MEASure[:SCALar]:VOLTage[:DC]?"          a query
//   "*IDN?"                                    a common command
// Upper-case letters are the short form, the whole word the long form;
// [...] nodes are optional; '#' takes a numeric suffix (see Call::suffix).
// Every model registers its commands here, so parsing and dispatch are
// shared and a model only says what a command does.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scpi_call.hpp"
#include "sim/scpi_message.hpp"

namespace litmus::sim {

class CommandTable {
 public:
  using Handler = std::function<void(Call&)>;

  // More than `max_args` parameters is -108 "Parameter not allowed".
  void add(std::string_view pattern, std::size_t max_args, Handler handler);

  // A numeric setting and its query ("<pattern>?"), stored where `slot`
  // points for the call's suffixes (which output, which channel).
  // `changed` runs after a set.
  void add_number(std::string_view pattern, NumericRange range, std::function<double&(const Call&)> slot,
                  std::function<void()> changed = {});
  // An ON/OFF setting and its query (answers 1 or 0).
  void add_bool(std::string_view pattern, std::function<bool&(const Call&)> slot,
                std::function<void()> changed = {});

  // Runs the handler `command` matches; returns its reply (a query's).
  // Throws ScpiFault: -113 when no pattern matches.
  std::string execute(const ScpiCommand& command) const;

 private:
  struct Node {
    std::string keyword;  // "VOLTage"
    bool optional = false;
    bool suffix = false;
  };
  struct Entry {
    std::vector<Node> nodes;
    bool common = false;
    bool query = false;
    std::size_t max_args = 0;
    Handler handler;
  };
  static bool match(const std::vector<Node>& nodes, std::size_t pi, const std::vector<HeaderNode>& path,
                    std::size_t ci, std::vector<int>& suffixes);

  std::vector<Entry> entries_;
};

}  // namespace litmus::sim
