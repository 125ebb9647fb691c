#include "vectors/sweep_expansion.hpp"

#include <string>
#include <utility>

#include "vectors/axis_values.hpp"
#include "vectors/sweep_expanders.hpp"

namespace litmus {

namespace {

using config::YamlAt;

std::string found(const YAML::Node& node) {
  if (node.IsScalar()) return "'" + node.Scalar() + "'";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

// The zipped axes of one group: values[a][i] is axis a in row i of the group.
struct Group {
  std::vector<std::string> axes;
  std::vector<std::vector<nlohmann::json>> values;
  std::size_t length = 0;
};

Group read_group(const YamlAt& group, std::vector<std::pair<std::string, std::string>>& seen) {
  if (!group.node.IsMap()) group.fail("expected a group (a mapping axis → values), found " + found(group.node));
  if (group.node.size() == 0) group.fail("a group needs at least one axis, found an empty mapping");
  Group out;
  for (const auto& item : group.node) {
    const std::string name = item.first.Scalar();
    const YamlAt axis{group.file, item.second, group.key_path + "." + name};
    // One name, one value per row: a second axis of the same name would
    // silently shadow the first in ctx.param().
    for (const auto& [axis_name, where] : seen) {
      if (axis_name == name) YamlAt{group.file, item.first, axis.key_path}.fail("duplicate axis '" + name + "' (already in " + where + ")");
    }
    seen.emplace_back(name, group.key_path);
    out.axes.push_back(name);
    out.values.push_back(read_axis_values(axis));
  }
  out.length = out.values.front().size();
  bool equal = true;
  for (const auto& values : out.values) equal = equal && values.size() == out.length;
  if (!equal) {
    std::string lengths;
    for (std::size_t a = 0; a < out.axes.size(); ++a) {
      lengths += (lengths.empty() ? "" : ", ") + out.axes[a] + " has " + std::to_string(out.values[a].size());
    }
    group.fail("the axes of one group are zipped and need equal lengths, found " + lengths +
               " (put axes to cross in separate groups)");
  }
  return out;
}

}  // namespace

std::vector<VectorRow> expand_sweeps(const config::YamlAt& sweeps) {
  if (!sweeps.node.IsDefined() || sweeps.node.IsNull()) return {VectorRow{}};
  if (!sweeps.node.IsSequence()) {
    sweeps.fail("expected a list of groups (- {axis: values, ...}), found " + found(sweeps.node));
  }
  std::vector<Group> groups;
  std::vector<std::pair<std::string, std::string>> seen;  // axis → group key path
  std::size_t total = 1;
  std::string lengths;
  bool too_many = false;
  for (std::size_t g = 0; g < sweeps.node.size(); ++g) {
    groups.push_back(read_group(YamlAt{sweeps.file, sweeps.node[g], sweeps.key_path + "[" + std::to_string(g) + "]"}, seen));
    const std::size_t length = groups.back().length;
    lengths += (lengths.empty() ? "" : " x ") + std::to_string(length);
    // Checked by division so the product cannot overflow before the test.
    too_many = too_many || length > kMaxSweepRows / total;
    if (!too_many) total *= length;
  }
  if (too_many) {
    sweeps.fail("the sweep expands to more than " + std::to_string(kMaxSweepRows) + " rows (group lengths " + lengths +
                ")");
  }

  // Crossing group by group: each row so far is extended by every row of the
  // next group, which makes the first group the outermost (slowest) loop.
  std::vector<VectorRow> rows{VectorRow{}};
  for (const Group& group : groups) {
    std::vector<VectorRow> crossed;
    crossed.reserve(rows.size() * group.length);
    for (const VectorRow& row : rows) {
      for (std::size_t i = 0; i < group.length; ++i) {
        VectorRow next = row;
        for (std::size_t a = 0; a < group.axes.size(); ++a) next.emplace_back(group.axes[a], group.values[a][i]);
        crossed.push_back(std::move(next));
      }
    }
    rows = std::move(crossed);
  }
  return rows;
}

}  // namespace litmus
