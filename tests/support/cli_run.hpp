#pragma once
// Runs a command line (the `litmus` binary, usually) to completion and
// collects its exit code, stdout and stderr, for tests of CLI commands.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace litmus::testing {

struct CliOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `program args...` with `env` added, in `cwd` (empty: this process's).
// stderr goes through a file so a full stderr pipe cannot block the child
// while stdout is read.
inline CliOutput run_cli(const std::string& program, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env = {},
                         const std::filesystem::path& cwd = {}) {
  const TempDir io;
  const std::string err_file = (io / "err").string();
  const std::string cd = cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ";
  std::vector<std::string> argv{"/bin/sh", "-c", cd + "exec \"$0\" \"$@\" 2>'" + err_file + "'", program};
  argv.insert(argv.end(), args.begin(), args.end());
  Process process(argv, env);
  CliOutput output;
  output.out = process.read_all();
  output.exit_code = process.wait();
  std::stringstream err;
  err << std::ifstream(err_file).rdbuf();
  output.err = err.str();
  return output;
}

}  // namespace litmus::testing
