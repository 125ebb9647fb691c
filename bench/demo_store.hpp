#pragma once
// The large store the read benchmarks run on (BENCHMARKS.md §9, §10): their
// shared options, and the store itself — DIR holding one is reused as is,
// otherwise `litmus demo --data-dir DIR --runs N [--measurements M] --seed 1`
// fills it (a temp dir, removed afterwards, when no DIR is given).
//
//   [--litmus PATH] [--data-dir DIR] [--runs N] [--measurements M] [--repeat N]
//
// PATH defaults to <dir of the bench binary>/../src/cli/litmus.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "bench_util.hpp"
#include "core/data_dir.hpp"

namespace litmus::bench {

struct DemoStoreOptions {
  std::filesystem::path litmus_bin;
  std::filesystem::path data_dir;
  std::int64_t runs = 100'000;
  std::optional<std::int64_t> measurements;  // unset: each run's test plan (~50)
  int repeat = 0;
};

// Parses the options above over `defaults`; prints `usage` and returns
// nullopt on anything else.
inline std::optional<DemoStoreOptions> parse_demo_store_options(int argc, char** argv, DemoStoreOptions defaults,
                                                                const char* usage) {
  DemoStoreOptions options = std::move(defaults);
  options.litmus_bin = std::filesystem::absolute(argv[0]).parent_path().parent_path() / "src" / "cli" / "litmus";
  for (int i = 1; i < argc; i += 2) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "usage: " << usage << '\n';
      return std::nullopt;
    }
    if (arg == "--litmus") {
      options.litmus_bin = argv[i + 1];
    } else if (arg == "--data-dir") {
      options.data_dir = argv[i + 1];
    } else if (arg == "--runs") {
      options.runs = std::stoll(argv[i + 1]);
    } else if (arg == "--measurements") {
      options.measurements = std::stoll(argv[i + 1]);
    } else if (arg == "--repeat") {
      options.repeat = std::max(1, std::stoi(argv[i + 1]));
    } else {
      std::cerr << "usage: " << usage << '\n';
      return std::nullopt;
    }
  }
  return options;
}

// Makes sure options.data_dir holds the store (generating it when absent,
// into `scratch` when no dir was given); false when `litmus demo` failed.
inline bool prepare_demo_store(DemoStoreOptions& options, std::unique_ptr<TempDir>& scratch) {
  if (options.data_dir.empty()) {
    scratch = std::make_unique<TempDir>();
    options.data_dir = scratch->path() / "data";
  }
  if (std::filesystem::exists(store_path(options.data_dir))) {
    std::cout << "reusing the store in " << options.data_dir.string() << '\n';
    return true;
  }
  std::string command = options.litmus_bin.string() + " demo --data-dir " + options.data_dir.string() + " --runs " +
                        std::to_string(options.runs) + " --seed 1";
  if (options.measurements) command += " --measurements " + std::to_string(*options.measurements);
  std::cout << "$ " << command << '\n' << std::flush;
  const std::int64_t start = steady_ns();
  if (std::system(command.c_str()) != 0) {
    std::cerr << "litmus demo failed\n";
    return false;
  }
  std::printf("generated in %.1f s\n", static_cast<double>(steady_ns() - start) / 1e9);
  return true;
}

}  // namespace litmus::bench
