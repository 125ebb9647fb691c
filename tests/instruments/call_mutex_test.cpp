// One recorded call at a time per instrument: while a driver call runs,
// another thread (the signal watcher making the bench safe) cannot take
// the instrument's call mutex.
#include <gtest/gtest.h>

#include <litmus/litmus.hpp>
#include <thread>

#include "instruments/recording_log.hpp"

namespace litmus {
namespace {

class ExposedPsu : public Psu {
 public:
  using Instrument::call_mutex;
  using Psu::Psu;
};

// Records, from inside each driver call, whether another thread could
// have taken the instrument's call mutex at that moment.
class ProbingDriver : public PsuDriver {
 public:
  ExposedPsu* psu = nullptr;
  int calls = 0;
  int free_during_call = 0;

  void probe() {
    ++calls;
    std::thread other([this] {
      if (psu->call_mutex().try_lock()) {
        ++free_during_call;
        psu->call_mutex().unlock();
      }
    });
    other.join();
  }
  void set_voltage(int, double) override { probe(); }
  void set_current_limit(int, double) override { probe(); }
  void set_output(int, bool) override { probe(); }
  double measure_voltage(int) override {
    probe();
    return 1.0;
  }
  double measure_current(int) override {
    probe();
    return 1.0;
  }
  int output_count() const override { return 2; }
};

TEST(CallMutex, IsHeldAcrossEveryRecordedDriverCall) {
  testing::RecordingLog log;
  auto driver = std::make_unique<ProbingDriver>();
  ProbingDriver& probing = *driver;
  ExposedPsu psu(log.binding("psu", "psu"), std::move(driver));
  probing.psu = &psu;
  psu.set_voltage(1.0);
  psu.enable_output(2);
  psu.measure_current();
  psu.make_safe();
  EXPECT_EQ(probing.calls, 5);
  EXPECT_EQ(probing.free_during_call, 0);
}

}  // namespace
}  // namespace litmus
