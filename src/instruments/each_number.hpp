#pragma once
// Making every output of a multi-output instrument safe: a failure on one
// output must not leave the others on.

#include <exception>
#include <functional>

namespace litmus {

// Calls `call(n)` for n = 1..count, every one even when an earlier one
// throws; then rethrows the first failure.
inline void for_each_number(int count, const std::function<void(int)>& call) {
  std::exception_ptr first_failure;
  for (int n = 1; n <= count; ++n) {
    try {
      call(n);
    } catch (...) {
      if (!first_failure) first_failure = std::current_exception();
    }
  }
  if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace litmus
