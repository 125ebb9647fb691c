#include "config/yaml_checks.hpp"

#include <charconv>
#include <utility>

namespace litmus::config {

namespace {

std::string type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "an undefined value";
  }
}

bool parse_number(const std::string& text, nlohmann::json& out) {
  std::int64_t integer = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), integer);
  if (error == std::errc() && end == text.data() + text.size()) {
    out = integer;
    return true;
  }
  double real = 0;
  auto [end2, error2] = std::from_chars(text.data(), text.data() + text.size(), real);
  if (error2 == std::errc() && end2 == text.data() + text.size()) {
    out = real;
    return true;
  }
  return false;
}

}  // namespace

std::string ConfigProblem::text() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!key.empty()) out += key + ": ";
  return out + message;
}

ConfigFileError::ConfigFileError(ConfigProblem problem) : ConfigError(problem.text()), problem_(std::move(problem)) {}

YamlAt YamlAt::child(const std::string& key) const {
  return YamlAt{file, node[key], key_path.empty() ? key : key_path + "." + key};
}

int YamlAt::line() const {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.line >= 0 ? mark.line + 1 : 0;
}

ConfigProblem YamlAt::problem(const std::string& message) const { return {file->string(), line(), key_path, message}; }

void YamlAt::fail(const std::string& message) const { throw ConfigFileError(problem(message)); }

YAML::Node load_yaml_file(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) throw ConfigFileError({file.string(), 0, "", "file not found"});
  try {
    return YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw ConfigFileError({file.string(), e.mark.line + 1, "", "invalid YAML: " + e.msg});
  }
}

void require_map(const YamlAt& at) {
  if (!at.node.IsMap() && !at.node.IsNull()) at.fail("expected a mapping, found " + type_name(at.node));
}

void check_keys(const YamlAt& at, std::initializer_list<std::string_view> allowed) {
  require_map(at);
  if (at.node.IsNull()) return;
  for (const auto& item : at.node) {
    const std::string key = item.first.as<std::string>();
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (known) continue;
    std::string expected;
    for (auto name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
    YamlAt{at.file, item.first, at.key_path.empty() ? key : at.key_path + "." + key}.fail(
        "unknown key; expected one of: " + expected);
  }
}

std::string read_string(const YamlAt& at) {
  if (!at.node.IsScalar()) at.fail("expected a string, found " + type_name(at.node));
  return at.node.Scalar();
}

std::string read_optional_string(const YamlAt& at, const char* key) {
  return at.node[key] ? read_string(at.child(key)) : std::string();
}

bool read_bool(const YamlAt& at) {
  if (at.node.IsScalar()) {
    const std::string& text = at.node.Scalar();
    if (text == "true" || text == "True" || text == "yes") return true;
    if (text == "false" || text == "False" || text == "no") return false;
  }
  at.fail("expected true or false, found " + (at.node.IsScalar() ? "'" + at.node.Scalar() + "'" : type_name(at.node)));
}

std::vector<std::string> read_string_list(const YamlAt& at) {
  if (!at.node.IsSequence()) at.fail("expected a list of strings, found " + type_name(at.node));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < at.node.size(); ++i) {
    out.push_back(read_string(YamlAt{at.file, at.node[i], at.key_path + "[" + std::to_string(i) + "]"}));
  }
  return out;
}

nlohmann::json read_json(const YamlAt& at) {
  const YAML::Node& node = at.node;
  if (node.IsNull()) return nullptr;
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    // Quoted scalars stay strings; plain ones may be numbers or booleans.
    if (node.Tag() != "!") {
      nlohmann::json number;
      if (parse_number(text, number)) return number;
      if (text == "true" || text == "false") return text == "true";
    }
    return text;
  }
  if (node.IsSequence()) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < node.size(); ++i) {
      list.push_back(read_json(YamlAt{at.file, node[i], at.key_path + "[" + std::to_string(i) + "]"}));
    }
    return list;
  }
  nlohmann::json object = nlohmann::json::object();
  for (const auto& item : node) {
    const std::string key = item.first.as<std::string>();
    object[key] = read_json(at.child(key));
  }
  return object;
}

}  // namespace litmus::config
