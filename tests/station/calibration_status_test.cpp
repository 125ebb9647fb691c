// Calibration due dates against today: 30-day warning, overdue from the
// day after the due date.
#include "station/calibration_status.hpp"

#include <gtest/gtest.h>

namespace litmus {
namespace {

using std::chrono::sys_days;
using namespace std::chrono;

TEST(CalibrationStatus, TableOfDueDates) {
  const sys_days today = sys_days(year(2026) / November / 28);
  struct Case {
    const char* due;
    CalibrationState state;
    int days_left;
  };
  const Case cases[] = {
      {"", CalibrationState::unknown, 0},
      {"not a date", CalibrationState::unknown, 0},
      {"2026-02-30", CalibrationState::unknown, 0},
      {"2027-06-01", CalibrationState::current, 185},
      {"2026-12-28", CalibrationState::current, 30},
      {"2026-12-27", CalibrationState::due_soon, 29},
      {"2026-11-28", CalibrationState::due_soon, 0},
      {"2026-11-27", CalibrationState::overdue, -1},
      {"2025-11-28", CalibrationState::overdue, -365},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.due);
    const CalibrationStatus status = calibration_status({.due = c.due}, today);
    EXPECT_EQ(to_string(status.state), to_string(c.state));
    EXPECT_EQ(status.days_left, c.days_left);
  }
}

}  // namespace
}  // namespace litmus
