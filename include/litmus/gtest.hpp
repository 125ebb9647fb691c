#pragma once
// GoogleTest integration (SPEC B1): every test program invocation that runs
// at least one test is a recorded run; every test a step; every row of the
// test's sweep a vector.
//
//   #include <litmus/gtest.hpp>
//
//   TEST(Power, RailWithinSpec) {
//     auto& ctx = litmus::context();
//     auto& psu = ctx.instrument<litmus::Psu>("psu");
//     auto& dmm = ctx.instrument<litmus::Dmm>("dmm");
//     psu.set_voltage(ctx.param("vin", 5.0));
//     psu.enable_output();
//     LITMUS_VERIFY("v_rail", dmm.measure_dc_voltage());
//   }
//
// Link Litmus::gtest_main, or Litmus::gtest and call litmus::init(&argc,
// argv) before RUN_ALL_TESTS(). Flags and LITMUS_* variables: docs/testing.md.
//
// In files that include this header, TEST and TEST_F run their body once
// per vector of the test's sweep (and again per retry), each as its own
// recorded step execution. Define LITMUS_KEEP_GTEST_MACROS before including
// it to keep GoogleTest's own macros; such tests run as one vector.

#include <gtest/gtest.h>

#include <functional>

#include "litmus/litmus.hpp"
#include "litmus/test_context.hpp"

namespace litmus {

namespace detail {
// Parses and removes Litmus' flags, then initialises GoogleTest and
// installs the run recorder. `compiler` and `build_type` describe the test
// program (recorded in run.started).
void init_runner(int* argc, char** argv, const char* compiler, const char* build_type);

// Runs one test body once per vector (and retry) of the current step.
void run_vectors(const std::function<void()>& body);
}  // namespace detail

// Call once, before RUN_ALL_TESTS(), instead of testing::InitGoogleTest.
// Exits with status 2 and a message naming the flag on a bad command line.
inline void init(int* argc, char** argv) {
#ifdef __VERSION__
  const char* compiler = "gcc-compatible " __VERSION__;
#else
  const char* compiler = "unknown";
#endif
#ifdef NDEBUG
  detail::init_runner(argc, argv, compiler, "release");
#else
  detail::init_runner(argc, argv, compiler, "debug");
#endif
}

}  // namespace litmus

// Verifies `value` against the limit of measurement `name` (from the call,
// the test's YAML or the product spec): records it and fails the step when
// out of limits. Extra arguments: a litmus::Limit, then MeasurementOptions.
#define LITMUS_VERIFY(...) ::litmus::context().verify(__VA_ARGS__)
// Records `value` without judging it.
#define LITMUS_MEASURE(...) ::litmus::context().measure(__VA_ARGS__)

// A test whose body runs once per vector. The user's body becomes
// LitmusVectorBody(), a member of an intermediate class so TEST_F bodies
// still see the fixture's members.
#define LITMUS_TEST_(suite, name, parent, parent_id)                                 \
  class LitmusVectors_##suite##_##name : public parent {                             \
   protected:                                                                        \
    void LitmusVectorBody();                                                         \
  };                                                                                 \
  GTEST_TEST_(suite, name, LitmusVectors_##suite##_##name, parent_id) {              \
    ::litmus::detail::run_vectors([this] { this->LitmusVectorBody(); });             \
  }                                                                                  \
  void LitmusVectors_##suite##_##name::LitmusVectorBody()

#define LITMUS_TEST(suite, name) LITMUS_TEST_(suite, name, ::testing::Test, ::testing::internal::GetTestTypeId())
#define LITMUS_TEST_F(fixture, name) \
  LITMUS_TEST_(fixture, name, fixture, ::testing::internal::GetTypeId<fixture>())

#ifndef LITMUS_KEEP_GTEST_MACROS
#undef TEST
#define TEST(suite, name) LITMUS_TEST(suite, name)
#undef TEST_F
#define TEST_F(fixture, name) LITMUS_TEST_F(fixture, name)
#endif
