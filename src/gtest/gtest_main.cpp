// main() of Litmus::gtest_main: a GoogleTest program whose invocation is a
// recorded run.

#include "litmus/gtest.hpp"

int main(int argc, char** argv) {
  litmus::init(&argc, argv);
  return RUN_ALL_TESTS();
}
