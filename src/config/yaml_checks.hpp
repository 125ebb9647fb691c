#pragma once
// Strict reading of YAML config files: every error names the file, the line
// and the key path ("stations/bench_1.yaml:7: instruments.dmm.mok: unknown
// key; expected one of: type, driver, …"). yaml-cpp gives no line for a
// missing key, so the key path is carried by hand.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/error.hpp"

namespace litmus::config {

// One thing wrong in a config file, in the parts `litmus validate --json`
// reports.
struct ConfigProblem {
  std::string file;
  int line = 0;          // 1-based; 0 when not known (a missing key)
  std::string key;       // "instruments.dmm.type"; empty for the document
  std::string message;

  // "file:line: key: message", leaving out the line and key when unknown.
  std::string text() const;
};

// What every check here throws: a ConfigError (callers that only want the
// text keep working) that also carries its parts.
class ConfigFileError : public ConfigError {
 public:
  explicit ConfigFileError(ConfigProblem problem);
  const ConfigProblem& problem() const { return problem_; }

 private:
  ConfigProblem problem_;
};

// A node and where it came from.
struct YamlAt {
  const std::filesystem::path* file;
  YAML::Node node;
  std::string key_path;  // "instruments.dmm.type"; empty for the document

  YamlAt child(const std::string& key) const;
  int line() const;  // 1-based; 0 when not known (a missing key)
  // `message` at this node's file, line and key path.
  ConfigProblem problem(const std::string& message) const;
  [[noreturn]] void fail(const std::string& message) const;
};

// Parses the file; a missing file or a syntax error is a ConfigError.
YAML::Node load_yaml_file(const std::filesystem::path& file);

// The document must be a mapping (an empty file counts as an empty one).
void require_map(const YamlAt& at);
// Every key of the mapping must be in `allowed`.
void check_keys(const YamlAt& at, std::initializer_list<std::string_view> allowed);

std::string read_string(const YamlAt& at);
// The string under `key` of the mapping `at`; empty when the key is absent.
std::string read_optional_string(const YamlAt& at, const char* key);
bool read_bool(const YamlAt& at);
std::vector<std::string> read_string_list(const YamlAt& at);
// Any scalar/sequence/map as JSON (numbers typed, "true"/"false" booleans).
nlohmann::json read_json(const YamlAt& at);

}  // namespace litmus::config
