#include "sim/command_table.hpp"

#include <stdexcept>

#include "sim/scpi_fault.hpp"

namespace litmus::sim {

namespace {

// "<pattern>?". (Appending, not operator+: GCC 12 warns falsely, -Wrestrict,
// on std::string(view) + "?".)
std::string query_of(std::string_view pattern) {
  std::string query(pattern);
  query.push_back('?');
  return query;
}

}  // namespace

void CommandTable::add(std::string_view pattern, std::size_t max_args, Handler handler) {
  Entry entry;
  entry.max_args = max_args;
  entry.handler = std::move(handler);
  if (!pattern.empty() && pattern.back() == '?') {
    entry.query = true;
    pattern.remove_suffix(1);
  }
  if (!pattern.empty() && pattern.front() == '*') {
    entry.common = true;
    pattern.remove_prefix(1);
  }
  Node node;
  bool in_node = false;
  auto finish = [&] {
    if (in_node) entry.nodes.push_back(node);
    node = Node{};
    in_node = false;
  };
  for (char c : pattern) {
    if (c == '[') {
      finish();
      node.optional = true;
    } else if (c == ']' || c == ':') {
      if (c == ':' && node.optional && !in_node) continue;  // "[:LEVel]"
      finish();
    } else if (c == '#') {
      node.suffix = true;
    } else {
      node.keyword += c;
      in_node = true;
    }
  }
  finish();
  if (entry.nodes.empty()) throw std::logic_error("empty SCPI pattern");
  entries_.push_back(std::move(entry));
}

void CommandTable::add_number(std::string_view pattern, NumericRange range,
                              std::function<double&(const Call&)> slot, std::function<void()> changed) {
  add(pattern, 1, [range, slot, changed](Call& call) {
    slot(call) = call.number(0, range);
    if (changed) changed();
  });
  add(query_of(pattern), 1, [slot](Call& call) { call.reply = format_number(slot(call)); });
}

void CommandTable::add_bool(std::string_view pattern, std::function<bool&(const Call&)> slot,
                            std::function<void()> changed) {
  add(pattern, 1, [slot, changed](Call& call) {
    slot(call) = call.boolean(0);
    if (changed) changed();
  });
  add(query_of(pattern), 0, [slot](Call& call) { call.reply = slot(call) ? "1" : "0"; });
}

bool CommandTable::match(const std::vector<Node>& nodes, std::size_t pi, const std::vector<HeaderNode>& path,
                         std::size_t ci, std::vector<int>& suffixes) {
  if (pi == nodes.size()) return ci == path.size();
  const Node& node = nodes[pi];
  const std::size_t mark = suffixes.size();
  if (ci < path.size() && matches_keyword(node.keyword, path[ci].mnemonic) &&
      (node.suffix || !path[ci].suffix)) {
    if (node.suffix) suffixes.push_back(path[ci].suffix.value_or(0));
    if (match(nodes, pi + 1, path, ci + 1, suffixes)) return true;
    suffixes.resize(mark);
  }
  if (node.optional) {
    if (node.suffix) suffixes.push_back(0);
    if (match(nodes, pi + 1, path, ci, suffixes)) return true;
    suffixes.resize(mark);
  }
  return false;
}

std::string CommandTable::execute(const ScpiCommand& command) const {
  for (const Entry& entry : entries_) {
    if (entry.common != command.common || entry.query != command.query) continue;
    std::vector<int> suffixes;
    if (!match(entry.nodes, 0, command.path, 0, suffixes)) continue;
    if (command.args.size() > entry.max_args) throw ScpiFault(scpi_errors::parameter_not_allowed);
    Call call(std::move(suffixes), command.args);
    entry.handler(call);
    return std::move(call.reply);
  }
  throw ScpiFault(scpi_errors::undefined_header);
}

}  // namespace litmus::sim
