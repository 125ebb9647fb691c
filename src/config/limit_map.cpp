#include "config/limit_map.hpp"

namespace litmus::config {

LimitMap parse_limit_map(const YamlAt& at) {
  if (!at.node.IsMap() && !at.node.IsNull()) at.fail("expected a mapping of measurement name → limit");
  LimitMap limits;
  if (at.node.IsNull()) return limits;
  for (const auto& item : at.node) {
    const std::string name = item.first.as<std::string>();
    if (name.empty()) YamlAt{at.file, item.first, at.key_path}.fail("empty measurement name");
    LimitSpec spec = parse_limit(at.child(name));
    // The line of the name, not of the first field of a block mapping.
    spec.origin = origin_of(YamlAt{at.file, item.first, at.child(name).key_path});
    limits[name] = std::move(spec);
  }
  return limits;
}

}  // namespace litmus::config
