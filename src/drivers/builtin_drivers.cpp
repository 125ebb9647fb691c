#include "drivers/builtin_drivers.hpp"

namespace litmus {

void register_builtin_drivers() {}

}  // namespace litmus
