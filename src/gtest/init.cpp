// The entry points of include/litmus/gtest.hpp.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "gtest/run_listener.hpp"
#include "gtest/run_options.hpp"
#include "gtest/runner.hpp"
#include "litmus/error.hpp"
#include "litmus/gtest.hpp"

namespace litmus {

namespace detail {

void init_runner(int* argc, char** argv, const char* compiler, const char* build_type) {
  if (gtest_runner::Runner::instance() != nullptr) throw Error("litmus::init called twice");
  gtest_runner::ParsedCommandLine parsed;
  try {
    parsed = gtest_runner::parse_run_options(*argc, argv);
  } catch (const std::exception& error) {
    std::cerr << (*argc > 0 ? argv[0] : "test") << ": " << error.what() << '\n'
              << gtest_runner::run_options_help();
    std::exit(2);
  }
  if (parsed.options.help) std::cout << gtest_runner::run_options_help() << '\n';

  // The caller's argv keeps only what is not Litmus': point its slots at
  // strings that live as long as the process, as InitGoogleTest expects.
  static std::vector<std::string> remaining;
  remaining = std::move(parsed.remaining);
  for (std::size_t i = 0; i < remaining.size(); ++i) argv[i] = remaining[i].data();
  *argc = static_cast<int>(remaining.size());
  argv[*argc] = nullptr;
  testing::InitGoogleTest(argc, argv);

  auto runner = std::make_unique<gtest_runner::Runner>(
      std::move(parsed.options), gtest_runner::ProgramInfo{remaining.empty() ? "" : remaining[0], compiler, build_type});
  // GoogleTest owns listeners it is given and deletes them at exit.
  testing::UnitTest::GetInstance()->listeners().Append(new gtest_runner::RunListener(*runner));
  gtest_runner::Runner::install(std::move(runner));
}

void run_vectors(const std::function<void()>& body) {
  if (auto* runner = gtest_runner::Runner::instance()) {
    runner->run_vectors(body);
  } else {
    body();  // a plain GoogleTest main: nothing is recorded
  }
}

}  // namespace detail

TestContext& context() {
  auto* runner = gtest_runner::Runner::instance();
  if (runner == nullptr) {
    throw Error(
        "litmus::context(): this test program was not started by Litmus; link Litmus::gtest_main or call "
        "litmus::init(&argc, argv) before RUN_ALL_TESTS()");
  }
  return runner->context();
}

}  // namespace litmus
