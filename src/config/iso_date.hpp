#pragma once
// Calendar dates as config files write them: ISO "YYYY-MM-DD".

#include <chrono>
#include <optional>
#include <string_view>

namespace litmus::config {

// The day, or nullopt for anything but a real date in exactly that form
// ("2025-02-30", "2025-6-1" and "2025-06-01T00:00" are not).
std::optional<std::chrono::sys_days> parse_iso_date(std::string_view text);

}  // namespace litmus::config
