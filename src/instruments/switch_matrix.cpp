#include "litmus/instruments/switch_matrix.hpp"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "instruments/argument_checks.hpp"

namespace litmus {

SwitchMatrix::SwitchMatrix(InstrumentBinding binding, std::unique_ptr<SwitchDriver> driver)
    : Instrument(std::move(binding)), driver_(std::move(driver)) {}

SwitchMatrix::~SwitchMatrix() = default;

void SwitchMatrix::close(std::string_view route) {
  require_name(role(), "close", "route", route);
  std::lock_guard lock(call_mutex());
  record_set("close", "route", true, "", {{"route", route}}, [&] { driver_->close(route); });
  if (std::find(closed_.begin(), closed_.end(), route) == closed_.end()) closed_.emplace_back(route);
}

void SwitchMatrix::open(std::string_view route) {
  require_name(role(), "open", "route", route);
  std::lock_guard lock(call_mutex());
  record_set("open", "route", false, "", {{"route", route}}, [&] { driver_->open(route); });
  std::erase(closed_, route);
}

void SwitchMatrix::open_all() {
  std::lock_guard lock(call_mutex());
  record_set("open_all", "route", false, "", {{"route", "*"}}, [this] { driver_->open_all(); });
  closed_.clear();
}

bool SwitchMatrix::is_closed(std::string_view route) {
  require_name(role(), "is_closed", "route", route);
  return record_scalar_read("is_closed", route, "", [&] { return driver_->is_closed(route) ? 1.0 : 0.0; }) != 0.0;
}

void SwitchMatrix::make_safe() { open_all(); }

}  // namespace litmus
