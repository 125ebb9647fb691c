#include "vectors/axis_values.hpp"

#include <string>

#include "vectors/sweep_expanders.hpp"

namespace litmus {

namespace {

std::string found(const YAML::Node& node) {
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

}  // namespace

std::vector<nlohmann::json> read_axis_values(const config::YamlAt& axis) {
  const YAML::Node& node = axis.node;
  if (node.IsScalar()) return {config::read_json(axis)};
  if (node.IsMap()) return run_expander(axis);
  if (!node.IsSequence()) {
    axis.fail("expected a list of values, a single value or an expander mapping, found " + found(node));
  }
  // An empty axis would silently make the whole sweep empty (crossing with
  // nothing gives no rows): almost certainly a mistake, so refuse it.
  if (node.size() == 0) axis.fail("an axis needs at least one value, found an empty list");
  if (node.size() > kMaxSweepRows) {
    axis.fail("more than " + std::to_string(kMaxSweepRows) + " values in one axis");
  }
  std::vector<nlohmann::json> values;
  values.reserve(node.size());
  for (std::size_t i = 0; i < node.size(); ++i) {
    const config::YamlAt item{axis.file, node[i], axis.key_path + "[" + std::to_string(i) + "]"};
    // A nested list or mapping has no meaning as one input value, and ctx.param()
    // could not read it; reject it here rather than at run time.
    if (!item.node.IsScalar()) {
      item.fail("expected a scalar value (number, string or boolean), found " + found(item.node));
    }
    values.push_back(config::read_json(item));
  }
  return values;
}

}  // namespace litmus
