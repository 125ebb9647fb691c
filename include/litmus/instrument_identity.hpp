#pragma once
// Who an instrument is and when it is due for calibration (SPEC A5): from
// its asset file (instruments/<id>.yaml) and, for a real instrument, its
// *IDN? reply. Copied onto every measurement the instrument takes.

#include <string>

namespace litmus {

struct InstrumentIdentity {
  std::string manufacturer;
  std::string model;
  std::string serial;
  std::string firmware;
};

// What the asset file says about calibration; dates are ISO "YYYY-MM-DD",
// empty when not given.
struct CalibrationInfo {
  std::string due;
  std::string last;
  std::string certificate;
  std::string lab;
};

}  // namespace litmus
