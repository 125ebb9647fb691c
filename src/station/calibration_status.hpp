#pragma once
// Whether an instrument's calibration is current (SPEC A5): due in less
// than 30 days warns; past due warns in development and refuses a
// production run unless overridden.

#include <chrono>
#include <string_view>

#include "litmus/instrument_identity.hpp"

namespace litmus {

enum class CalibrationState {
  unknown,   // no due date in the asset file (or no asset)
  current,   // due in 30 days or more
  due_soon,  // due in fewer than 30 days, not yet past
  overdue,   // the due date has passed
};

std::string_view to_string(CalibrationState state);  // "unknown", "current", "due_soon", "overdue"

struct CalibrationStatus {
  CalibrationState state = CalibrationState::unknown;
  int days_left = 0;  // due date minus today; negative when overdue
};

inline constexpr int kCalibrationWarningDays = 30;

// `today` in UTC days. A due date is the last day the calibration is
// valid: due today is due_soon, due yesterday is overdue.
CalibrationStatus calibration_status(const CalibrationInfo& calibration, std::chrono::sys_days today);

// Today's UTC date.
std::chrono::sys_days utc_today();

}  // namespace litmus
