#pragma once
// Two parts of one job at once: `there` on a second thread while `here`
// runs on this one. Returns when both are done; a part that threw is
// rethrown (this thread's first), never left to std::terminate. The readers
// that split their work in two (run-level metrics, the events route, a
// long JSON string's escape) use it.

#include <exception>
#include <thread>
#include <utility>

namespace litmus {

template <class Here, class There>
void run_side_by_side(Here&& here, There&& there) {
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      std::forward<There>(there)();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    std::forward<Here>(here)();
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace litmus
