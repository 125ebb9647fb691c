#pragma once
// Faults a simulated instrument injects, so drivers' and tests' handling of
// a misbehaving instrument can be exercised on loopback: slow replies,
// lost replies, connections cut after some commands. (Queued SCPI errors
// are pushed through SimInstrument::push_error.)

#include <chrono>
#include <cstdint>
#include <random>

namespace litmus::sim {

struct Faults {
  std::chrono::milliseconds reply_delay{0};  // before every reply
  int drop_every = 0;                        // drop every Nth reply (0: never)
  double drop_probability = 0.0;             // drop a reply at random (seeded)
  int close_after = 0;                       // cut a connection after N messages (0: never)
};

// Decides, reply by reply, whether one is dropped.
class ReplyDropper {
 public:
  explicit ReplyDropper(std::uint64_t seed) : rng_(seed) {}
  bool drop(const Faults& faults);

 private:
  std::uint64_t replies_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace litmus::sim
