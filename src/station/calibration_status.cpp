#include "station/calibration_status.hpp"

#include "config/iso_date.hpp"

namespace litmus {

std::string_view to_string(CalibrationState state) {
  switch (state) {
    case CalibrationState::unknown:
      return "unknown";
    case CalibrationState::current:
      return "current";
    case CalibrationState::due_soon:
      return "due_soon";
    case CalibrationState::overdue:
      return "overdue";
  }
  return "unknown";
}

CalibrationStatus calibration_status(const CalibrationInfo& calibration, std::chrono::sys_days today) {
  const auto due = config::parse_iso_date(calibration.due);
  if (!due) return {};
  const int days_left = static_cast<int>((*due - today).count());
  if (days_left < 0) return {CalibrationState::overdue, days_left};
  if (days_left < kCalibrationWarningDays) return {CalibrationState::due_soon, days_left};
  return {CalibrationState::current, days_left};
}

std::chrono::sys_days utc_today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

}  // namespace litmus
