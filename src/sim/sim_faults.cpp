#include "sim/sim_faults.hpp"

namespace litmus::sim {

bool ReplyDropper::drop(const Faults& faults) {
  ++replies_;
  if (faults.drop_every > 0 && replies_ % static_cast<std::uint64_t>(faults.drop_every) == 0) return true;
  if (faults.drop_probability > 0) return std::bernoulli_distribution(faults.drop_probability)(rng_);
  return false;
}

}  // namespace litmus::sim
