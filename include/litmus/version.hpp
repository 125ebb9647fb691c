#pragma once

#include <string_view>

namespace litmus {

// The library's version, "MAJOR.MINOR.PATCH".
std::string_view version();

}  // namespace litmus
