// `litmus init NAME [--starter]`: a new project directory (SPEC A1);
// --starter adds a mock bench, a product and four example tests that build
// with `make test`.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/scaffold.hpp"
#include "litmus/error.hpp"

namespace litmus::cli {
namespace {

struct InitOptions {
  std::string name;
  bool starter = false;
};

// The install prefix of this `litmus` when Litmus' CMake package sits
// beside it (<prefix>/bin/litmus, <prefix>/lib*/cmake/Litmus), so the new
// project's Makefile finds the very Litmus that created it.
std::string installed_prefix() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const auto prefix = exe.parent_path().parent_path();
  for (const char* libdir : {"lib", "lib64", "lib/x86_64-linux-gnu", "lib/aarch64-linux-gnu"}) {
    if (std::filesystem::exists(prefix / libdir / "cmake/Litmus/LitmusConfig.cmake")) return prefix.string();
  }
  return {};
}

int run_init(const InitOptions& options) {
  check_identifier("project name", options.name);
  const std::filesystem::path root = std::filesystem::absolute(options.name);
  if (std::filesystem::exists(root / "litmus.yaml")) throw Error(root.string() + " already holds a Litmus project");
  const TemplateValues values{{"name", options.name}, {"litmus_prefix", installed_prefix()}};
  std::size_t written = 0;
  if (options.starter) {
    written = write_templates("/starter/", root, values).size();
  } else {
    std::filesystem::create_directories(root);
    std::ofstream(root / "litmus.yaml") << "# The Litmus project " << options.name
                                          << ": keys in docs/configuration.md of Litmus.\nname: " << options.name
                                          << "\n";
    written = 1;
  }
  for (const char* folder : {"stations", "products", "fixtures", "instruments", "profiles", "tests"}) {
    std::filesystem::create_directories(root / folder);
  }
  std::cout << "created " << root.string() << " (" << written << (written == 1 ? " file)\n" : " files)\n");
  if (options.starter) {
    std::cout << "next:\n  cd " << options.name << " && make test\n";
    if (values.at("litmus_prefix").empty()) {
      std::cout << "  (Litmus' CMake package is not installed beside this litmus; if CMake cannot find it, run\n"
                   "   make test LITMUS_PREFIX=<where Litmus is installed>)\n";
    }
  } else {
    std::cout << "next: add stations/<id>.yaml, then tests with `litmus new-test NAME` (or start from "
                 "`litmus init NAME --starter`)\n";
  }
  return 0;
}

}  // namespace

Command add_init_command(CLI::App& app) {
  auto options = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand("init", "Create a project directory NAME");
  sub->add_option("name", options->name, "Project name (the new directory)")->required();
  sub->add_flag("--starter", options->starter,
                "Add a mock bench, a product and four example tests that pass with `make test`");
  return {sub, [options] { return run_init(*options); }};
}

}  // namespace litmus::cli
