// `litmus new-test NAME`: tests/test_NAME.cpp + tests/test_NAME.yaml in the
// current project, and the program added to its CMakeLists.txt.

#include <CLI/CLI.hpp>
#include <cctype>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/scaffold.hpp"
#include "config/project_config.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {
namespace {

struct NewTestOptions {
  std::string name;
};

// "thermal_cycle" → "ThermalCycle": the GoogleTest suite name.
std::string suite_name(std::string_view name) {
  std::string suite;
  bool upper = true;
  for (const char c : name) {
    if (c == '_' || c == '-') {
      upper = true;
      continue;
    }
    suite += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return suite;
}

int run_new_test(const NewTestOptions& options) {
  check_identifier("test name", options.name);
  const auto root = config::find_project_root(std::filesystem::current_path());
  if (!root) throw Error("not inside a Litmus project (no litmus.yaml here or above); create one with litmus init");
  const TemplateValues values{{"name", options.name}, {"suite", suite_name(options.name)}};
  const auto source = *root / "tests" / ("test_" + options.name + ".cpp");
  const auto yaml = *root / "tests" / ("test_" + options.name + ".yaml");
  for (const auto& file : {source, yaml}) {
    if (std::filesystem::exists(file)) throw Error(file.string() + " already exists; nothing was written");
  }
  std::filesystem::create_directories(*root / "tests");
  std::ofstream(source) << render_embedded("/new_test/test.cpp", values);
  std::ofstream(yaml) << render_embedded("/new_test/test.yaml", values);
  std::cout << "created " << source.string() << "\ncreated " << yaml.string() << '\n';

  const auto cmake = *root / "CMakeLists.txt";
  const std::string target = "test_" + options.name;
  if (!std::filesystem::exists(cmake)) {
    std::cout << "no CMakeLists.txt in " << root->string() << ": add the program yourself:\n"
              << render_embedded("/new_test/CMakeLists.part", values);
    return 0;
  }
  std::stringstream existing;
  existing << std::ifstream(cmake).rdbuf();
  if (existing.str().find("add_executable(" + target + " ") != std::string::npos) {
    std::cout << cmake.string() << " already builds " << target << '\n';
  } else {
    std::ofstream(cmake, std::ios::app) << render_embedded("/new_test/CMakeLists.part", values);
    std::cout << "added " << target << " to " << cmake.string() << '\n';
  }
  return 0;
}

}  // namespace

Command add_new_test_command(CLI::App& app) {
  auto options = std::make_shared<NewTestOptions>();
  auto* sub = app.add_subcommand("new-test", "Add tests/test_NAME.cpp and .yaml to the current project");
  sub->add_option("name", options->name, "Test name (file tests/test_NAME.cpp, suite in CamelCase)")->required();
  return {sub, [options] { return run_new_test(*options); }};
}

}  // namespace litmus::cli
